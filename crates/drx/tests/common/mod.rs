//! Test support: a fresh database per test on SQLite and (when DRX_TEST_DATABASE_URL is set) on
//! PostgreSQL, and a small cookie-keeping client that drives the router in-process.
#![allow(dead_code)]

pub mod fixture;
pub mod smtp;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

use drx::store::Db;
use drx::web::{AppState, Config};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database made for one test; `close` drops it.
pub struct TestDb {
    pub db: Db,
    schema: Option<String>,
    dir: Option<std::path::PathBuf>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}_{}_{n}_{}", std::process::id(), t % 1_000_000_000)
}

/// None when the backend is not configured here (PostgreSQL without DRX_TEST_DATABASE_URL).
pub async fn fresh_unmigrated(backend: Backend) -> Option<TestDb> {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique("drx_test"));
            std::fs::create_dir_all(&dir).unwrap();
            let db = Db::open(&drx::store::sqlite_url(&dir))
                .await
                .expect("open sqlite");
            Some(TestDb {
                db,
                schema: None,
                dir: Some(dir),
            })
        }
        Backend::Postgres => {
            let url = std::env::var("DRX_TEST_DATABASE_URL")
                .ok()
                .filter(|u| !u.is_empty())?;
            let schema = unique("t");
            let admin = Db::open(&url)
                .await
                .expect("connect to DRX_TEST_DATABASE_URL");
            drx::store::raw_execute(&admin, &format!("CREATE SCHEMA \"{schema}\""))
                .await
                .expect("create schema");
            admin.close().await;
            let db = Db::open_with(&url, Some(schema.clone()))
                .await
                .expect("open postgres schema");
            Some(TestDb {
                db,
                schema: Some(schema),
                dir: None,
            })
        }
    }
}

pub async fn fresh(backend: Backend) -> Option<TestDb> {
    let t = fresh_unmigrated(backend).await?;
    t.db.migrate().await.expect("migrate");
    Some(t)
}

impl TestDb {
    pub async fn close(self) {
        self.db.close().await;
        if let Some(schema) = self.schema {
            let url = std::env::var("DRX_TEST_DATABASE_URL").unwrap();
            let admin = Db::open(&url).await.unwrap();
            let _ =
                drx::store::raw_execute(&admin, &format!("DROP SCHEMA \"{schema}\" CASCADE")).await;
            admin.close().await;
        }
        if let Some(dir) = self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Runs the body once per configured backend, each on its own fresh database.
#[macro_export]
macro_rules! db_test {
    ($name:ident, |$db:ident| $body:block) => {
        mod $name {
            use super::*;
            async fn body($db: &drx::store::Db) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = common::fresh(common::Backend::Sqlite).await.unwrap();
                body(&t.db).await;
                t.close().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = common::fresh(common::Backend::Postgres).await else {
                    eprintln!("DRX_TEST_DATABASE_URL is not set: PostgreSQL run skipped");
                    return;
                };
                body(&t.db).await;
                t.close().await;
            }
        }
    };
}

pub fn app(db: &Db) -> Router {
    drx::web::router(AppState {
        db: db.clone(),
        config: Arc::new(Config {
            base_url: "http://127.0.0.1:8080".into(),
            secure_cookies: false,
            demo_logins: Vec::new(),
            demo_password: String::new(),
        }),
    })
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let i = self
            .body
            .find(marker)
            .expect("page has a form with a CSRF token")
            + marker.len();
        self.body[i..i + 64].to_string()
    }
}

/// A browser stand-in: keeps cookies across requests.
pub struct Client {
    pub app: Router,
    pub cookies: HashMap<String, String>,
    pub lang: Option<&'static str>,
}

impl Client {
    pub fn new(db: &Db) -> Client {
        Client {
            app: app(db),
            cookies: HashMap::new(),
            lang: None,
        }
    }

    fn cookie_header(&self) -> String {
        let mut c: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if let Some(l) = self.lang {
            c.push(format!("drx_lang={l}"));
        }
        c.join("; ")
    }

    pub async fn send(&mut self, req: Request<Body>) -> Resp {
        let res = self.app.clone().oneshot(req).await.unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let v = v.to_str().unwrap();
            let (kv, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = kv.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        let req = Request::get(path)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = serde_html_form::to_string(fields).unwrap();
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Loads `page`, takes its CSRF token, posts the form to `action` with it.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Resp {
        let csrf = self.get(page).await.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(action, &all).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }
}

/// Creates an account directly through the service (no actor: like `drx admin create`).
pub async fn account(db: &Db, email: &str, roles: &[drx::domain::Role]) -> i64 {
    let a = drx::services::accounts::NewAccount {
        email,
        name: "测试 Tester",
        title: "",
        organization_id: None,
        password: PASSWORD,
        locale: "zh",
        roles,
    };
    drx::services::accounts::create_account(db, None, &a, drx::store::now())
        .await
        .unwrap()
}

pub const PASSWORD: &str = "correct horse battery";

impl Client {
    /// The CSRF token a form of this client must carry: the session's when signed in (read from
    /// the account page), the anonymous double-submit cookie otherwise.
    pub async fn csrf_token(&mut self) -> String {
        if self.cookies.contains_key("drx_session") {
            let page = self.get("/account").await;
            if page.status == StatusCode::OK {
                return page.csrf();
            }
        }
        if !self.cookies.contains_key("drx_csrf") {
            self.get("/login").await;
        }
        self.cookies.get("drx_csrf").cloned().unwrap_or_default()
    }

    /// Posts a multipart form with the CSRF field and one file field named `file`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        csrf: &str,
        filename: &str,
        content: &[u8],
    ) -> Resp {
        let boundary = "----drxcommonboundary0123456789";
        let mut body = Vec::new();
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }
}
