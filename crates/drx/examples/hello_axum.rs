//! The baseline of the load benchmark (bench/load/run.sh): a bare axum server answering
//! "hello" on loopback, built with the same axum and tokio as drx, so the figures beside
//! drx's show what the framework alone costs on this machine.
use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(8090);
    let app = Router::new().route("/", get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    axum::serve(listener, app).await
}
