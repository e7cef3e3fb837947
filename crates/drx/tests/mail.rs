//! The outbox worker against a real SMTP conversation on loopback: delivery, retries with
//! back-off, and no mail sent twice when two nodes work at once.
mod common;

use std::sync::{Arc, Mutex};

use drx::services::mail::{deliver_due, Sender};
use drx::store::{now, outbox, Db};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server that accepts everything and keeps each message's DATA.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let store = Arc::new(Mutex::new(Vec::new()));
    let kept = store.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let kept = kept.clone();
            tokio::spawn(async move {
                let (r, mut w) = socket.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    if upper.starts_with("DATA") {
                        w.write_all(b"354 go ahead\r\n").await.unwrap();
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(&l);
                            data.push('\n');
                        }
                        kept.lock().unwrap().push(data);
                        w.write_all(b"250 queued\r\n").await.unwrap();
                    } else if upper.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        w.write_all(b"250 ok\r\n").await.unwrap();
                    }
                }
            });
        }
    });
    (port, store)
}

async fn reset_mail(db: &Db, email: &str) {
    common::account(db, email, &[drx::domain::Role::Clinician]).await;
    drx::services::accounts::request_password_reset(db, email, "http://127.0.0.1:8080", now())
        .await
        .unwrap();
}

db_test!(outbox_mail_is_delivered_over_smtp_once, |db| {
    let (port, sink) = smtp_sink().await;
    reset_mail(db, "a@hospital.cn").await;
    let sender =
        Sender::smtp(&format!("smtp://127.0.0.1:{port}"), "drx <drx@hospital.cn>").unwrap();
    assert_eq!(deliver_due(db, &sender, "node-a").await.unwrap(), (1, 0));
    assert_eq!(
        deliver_due(db, &sender, "node-a").await.unwrap(),
        (0, 0),
        "never sent twice"
    );
    let got = sink.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert!(got[0].contains("/password/reset/"), "{}", got[0]);
    assert!(got[0].contains("a@hospital.cn"));
    assert_eq!(
        outbox::mail_to(db, "a@hospital.cn").await.unwrap()[0].status,
        "sent"
    );
});

db_test!(failed_delivery_is_retried_later, |db| {
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    reset_mail(db, "b@hospital.cn").await;
    let sender = Sender::smtp(&format!("smtp://127.0.0.1:{port}"), "drx@hospital.cn").unwrap();
    assert_eq!(deliver_due(db, &sender, "node-a").await.unwrap(), (0, 1));
    let id = outbox::mail_to(db, "b@hospital.cn").await.unwrap()[0].id;
    let (attempts, status, next) = outbox::attempts(db, id).await.unwrap();
    assert_eq!((attempts, status.as_str()), (1, "pending"));
    assert!(next >= now() + 50, "retried after a delay");
    assert_eq!(
        deliver_due(db, &sender, "node-a").await.unwrap(),
        (0, 0),
        "not due yet"
    );
    // Once due again, a working relay delivers it.
    drx::store::raw_execute(db, "UPDATE outbox SET next_attempt_at = 0")
        .await
        .unwrap();
    let (port, sink) = smtp_sink().await;
    let good = Sender::smtp(&format!("smtp://127.0.0.1:{port}"), "drx@hospital.cn").unwrap();
    assert_eq!(deliver_due(db, &good, "node-b").await.unwrap(), (1, 0));
    assert_eq!(sink.lock().unwrap().len(), 1);
});

db_test!(two_nodes_never_send_the_same_mail, |db| {
    let (port, sink) = smtp_sink().await;
    for i in 0..12 {
        reset_mail(db, &format!("p{i}@hospital.cn")).await;
    }
    let sender = Sender::smtp(&format!("smtp://127.0.0.1:{port}"), "drx@hospital.cn").unwrap();
    let (a, b) = tokio::join!(
        deliver_due(db, &sender, "node-a"),
        deliver_due(db, &sender, "node-b")
    );
    assert_eq!(a.unwrap().0 + b.unwrap().0, 12);
    assert_eq!(sink.lock().unwrap().len(), 12);
});
