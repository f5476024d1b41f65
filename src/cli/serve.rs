//! `kehoach serve [--port 8080] [--dir FOLDER] [--open]`: the web form on
//! this computer. The server itself is [`kehoach::serve`].

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::Args;
use kehoach::error::Error;
use kehoach::serve::{Options, router};

use super::EngineArgs;

#[derive(Args)]
pub struct ServeArgs {
    /// Cổng lắng nghe.
    #[arg(long, default_value_t = 8080, value_name = "CỔNG")]
    port: u16,
    /// Địa chỉ lắng nghe (127.0.0.1: chỉ máy này).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_name = "ĐỊA_CHỈ")]
    host: IpAddr,
    /// Thư mục chứa các tệp kế hoạch mà biểu mẫu được mở và lưu.
    #[arg(long, value_name = "THƯ_MỤC")]
    dir: Option<PathBuf>,
    /// Mở trình duyệt khi máy chủ sẵn sàng.
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

pub fn run(args: &ServeArgs) -> kehoach::Result<()> {
    let dir = args
        .dir
        .as_ref()
        .map(|d| {
            d.canonicalize().map_err(|source| Error::Io {
                path: d.clone(),
                action: "mở thư mục",
                source,
            })
        })
        .transpose()?;
    let engine = args.engine.engine()?;
    let requested = SocketAddr::new(args.host, args.port);
    let runtime = tokio::runtime::Runtime::new().map_err(|source| Error::Io {
        path: PathBuf::from(requested.to_string()),
        action: "khởi động máy chủ",
        source,
    })?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(requested)
            .await
            .map_err(|source| Error::Io {
                path: PathBuf::from(requested.to_string()),
                action: "lắng nghe tại",
                source,
            })?;
        let addr = listener
            .local_addr()
            .expect("a bound socket has an address");
        let url = format!("http://{addr}/");
        eprintln!("kehoach: biểu mẫu kế hoạch đang chạy tại {url} (Ctrl+C để dừng)");
        if let Some(dir) = &dir {
            eprintln!("kehoach: mở và lưu tệp trong {}", dir.display());
        }
        if args.open {
            open_browser(&url);
        }
        let app = router(engine, Options { dir, addr });
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|source| Error::Io {
                path: PathBuf::from(url.clone()),
                action: "phục vụ",
                source,
            })
    })
}

/// The system's browser; failing to start one is not an error, the
/// address is printed anyway.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    if command.arg(url).spawn().is_err() {
        eprintln!("kehoach: không mở được trình duyệt; hãy mở {url}");
    }
}
