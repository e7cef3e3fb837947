#!/usr/bin/env python3
"""A minimal SMTP sink on loopback for the two-node check: accepts every message and appends its
Subject line to a file, one line per delivery, so a mail sent twice shows up twice.

    smtp_sink.py PORT OUTFILE
"""
import socketserver
import sys

OUT = sys.argv[2]


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("utf-8", "replace").strip().upper()
            if verb.startswith("EHLO") or verb.startswith("HELO"):
                self.reply("250 sink")
            elif verb.startswith("MAIL") or verb.startswith("RCPT") or verb.startswith("RSET") or verb.startswith("NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                subject = ""
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    text = l.decode("utf-8", "replace")
                    if not subject and text.lower().startswith("subject:"):
                        subject = text.split(":", 1)[1].strip()
                with open(OUT, "a", encoding="utf-8") as f:
                    f.write(subject + "\n")
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not here")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
