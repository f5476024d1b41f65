//! The `kehoach` command: a thin shell over the library.

mod cli;

fn main() {
    // A panic is a bug, never the user's mistake: said in Vietnamese, once.
    // On other threads (batch workers, the server's layouts) it is caught
    // and reported as that plan's error, so nothing is printed here.
    std::panic::set_hook(Box::new(|info| {
        if std::thread::current().name() != Some("main") {
            return;
        }
        let detail = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "kehoach: lỗi nội bộ: {detail}{at}; xin báo lỗi này kèm tệp kế hoạch cho người phát triển"
        );
    }));
    std::process::exit(cli::run());
}
