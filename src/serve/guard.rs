//! What keeps a web page elsewhere from driving the local server: the
//! `Host` must be this server's own name (a rebound DNS name is refused),
//! and a write must come from this origin with a JSON body (a cross-site
//! form cannot send one without the browser asking first).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::App;
use super::api::ApiError;

/// `localhost:8080`, `127.0.0.1:8080`, `[::1]:8080` and the bound address.
pub fn allowed_hosts(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut hosts = vec![
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ];
    if !addr.ip().is_unspecified() {
        hosts.push(addr.to_string());
    }
    hosts.dedup();
    hosts
}

pub async fn check(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    match refusal(&app, &request) {
        Some(answer) => answer,
        None => next.run(request).await,
    }
}

fn refusal(app: &App, request: &Request) -> Option<Response> {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
    };
    let host = header("host").unwrap_or_default();
    if !app.hosts.contains(&host) {
        return Some(refuse(
            StatusCode::FORBIDDEN,
            format!("máy chủ chỉ nhận yêu cầu gửi tới chính nó, không tới \"{host}\""),
        ));
    }
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return None;
    }
    let same_origin = header("origin").is_none_or(|o| o == format!("http://{host}"));
    let cross_site =
        header("sec-fetch-site").is_some_and(|s| s == "cross-site" || s == "same-site");
    if !same_origin || cross_site {
        return Some(refuse(
            StatusCode::FORBIDDEN,
            "không nhận yêu cầu ghi từ trang web khác".into(),
        ));
    }
    let json = header("content-type")
        .is_some_and(|t| t.split(';').next().map(str::trim) == Some("application/json"));
    (!json).then(|| {
        refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "nội dung gửi lên phải là JSON (Content-Type: application/json)".into(),
        )
    })
}

fn refuse(status: StatusCode, message: String) -> Response {
    ApiError::new(status, message).into_response()
}
