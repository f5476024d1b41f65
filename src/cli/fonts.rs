//! `kehoach fonts`: which face the documents will be set in, and why.

use super::EngineArgs;

pub fn run(args: &EngineArgs) -> kehoach::Result<()> {
    let engine = args.engine()?;
    let fonts = engine.fonts();
    println!("Phông chữ dùng cho văn bản: {}", fonts.family());
    if fonts.family() != kehoach::fonts::PREFERRED {
        println!(
            "(Máy không có {}; dùng {} — cùng số đo chữ, nên xuống dòng như bản Word.)",
            kehoach::fonts::PREFERRED,
            kehoach::fonts::EMBEDDED_FAMILY
        );
    }
    println!("\nCác kiểu chữ đã nạp:");
    for face in fonts.faces() {
        println!("  {} — {} — {}", face.family, face.style, face.source);
    }
    Ok(())
}
