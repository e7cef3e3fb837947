//! The outbox worker against a real SMTP conversation on loopback: delivery, retries with
//! back-off, and no mail sent twice when two nodes work at once.
mod common;

use tokio::net::TcpListener;

use common::smtp::smtp_sink;
use drx::services::mail::{deliver_due, Sender};
use drx::store::{now, outbox, Db};

/// A reset mail for a new account (each asked from its own client, so none is throttled).
async fn reset_mail(db: &Db, email: &str) {
    common::account(db, email, &[drx::domain::Role::Clinician]).await;
    drx::services::accounts::request_password_reset(
        db,
        email,
        email,
        "http://127.0.0.1:8080",
        now(),
    )
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
    let outbox::Delivery {
        attempts,
        status,
        next_attempt_at: next,
    } = outbox::attempts(db, id).await.unwrap();
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
