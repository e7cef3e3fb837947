//! Sending the outbox: a worker on every node claims due mail, sends it over SMTP (or, with no
//! SMTP server configured, writes it to the log), and retries failures with growing delays.
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use drx_store::{now, outbox, Db};

/// How mail leaves drx.
#[derive(Clone)]
pub enum Sender {
    /// An SMTP relay (plain SMTP, as to a local MTA that relays with TLS).
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// No relay configured: each mail is written to the server log (development and demos).
    Log,
}

impl Sender {
    /// `smtp://host:port`; `from` is the sender address.
    pub fn smtp(url: &str, from: &str) -> anyhow::Result<Sender> {
        let rest = url
            .strip_prefix("smtp://")
            .ok_or_else(|| anyhow::anyhow!("the SMTP URL must look like smtp://host:25"))?;
        let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
            Some((h, p)) => (
                h.to_string(),
                p.parse::<u16>()
                    .map_err(|_| anyhow::anyhow!("bad SMTP port in {url}"))?,
            ),
            None => (rest.trim_end_matches('/').to_string(), 25),
        };
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("bad sender address {from:?}: {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Sender::Smtp { transport, from })
    }

    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        match self {
            Sender::Log => {
                tracing::info!(to, subject, "mail (no SMTP server configured):\n{body}");
                Ok(())
            }
            Sender::Smtp { transport, from } => {
                let to: Mailbox = to
                    .parse()
                    .map_err(|e| format!("bad recipient {to:?}: {e}"))?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(body.to_string())
                    .map_err(|e| e.to_string())?;
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// After this many failed attempts a mail is marked failed (about a day of retries).
pub const MAX_ATTEMPTS: i64 = 8;

/// Delay before retry number `attempt` (1-based): 1, 2, 4, ... minutes, at most 6 hours.
pub fn retry_delay(attempt: i64) -> i64 {
    (60 * (1i64 << (attempt - 1).clamp(0, 20))).min(6 * 3600)
}

/// Sends what is due now; returns (sent, failed attempts).
pub async fn deliver_due(
    db: &Db,
    sender: &Sender,
    node: &str,
) -> drx_store::Result<(usize, usize)> {
    let mails = outbox::claim_due(db, node, now(), 300, 50).await?;
    let (mut sent, mut failed) = (0, 0);
    for m in mails {
        match sender.send(&m.recipient, &m.subject, &m.body).await {
            Ok(()) => {
                outbox::mark_sent(db, m.id, now()).await?;
                sent += 1;
            }
            Err(e) => {
                let attempts = outbox::attempts(db, m.id).await?.attempts;
                let attempt = attempts + 1;
                tracing::warn!(mail = m.id, attempt, "sending failed: {e}");
                outbox::mark_attempt_failed(
                    db,
                    m.id,
                    now() + retry_delay(attempt),
                    attempt >= MAX_ATTEMPTS,
                )
                .await?;
                failed += 1;
            }
        }
    }
    Ok((sent, failed))
}

/// Runs forever: delivers due mail every few seconds.
pub async fn worker(db: Db, sender: Sender) {
    let node = format!(
        "{}-{}",
        std::process::id(),
        crate::auth::credentials::new_token().get(..8).unwrap_or("")
    );
    loop {
        if let Err(e) = deliver_due(&db, &sender, &node).await {
            tracing::error!("outbox worker: {e}");
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_are_bounded() {
        assert_eq!(retry_delay(1), 60);
        assert_eq!(retry_delay(2), 120);
        assert_eq!(retry_delay(4), 480);
        assert_eq!(retry_delay(30), 6 * 3600);
    }

    #[test]
    fn smtp_urls_are_checked() {
        assert!(Sender::smtp("smtp://127.0.0.1:2525", "drx@hospital.cn").is_ok());
        assert!(Sender::smtp("http://x", "drx@hospital.cn").is_err());
        assert!(Sender::smtp("smtp://127.0.0.1:notaport", "drx@hospital.cn").is_err());
        assert!(Sender::smtp("smtp://127.0.0.1", "not an address").is_err());
    }
}
