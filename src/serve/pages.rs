//! The preview's pages, by a hash of what each page shows. A preview only
//! lays the plan out and names its pages: hashing a frame costs little,
//! drawing it as PNG a lot, and a 400-page plan drawn whole took minutes
//! and hundreds of megabytes. A page is drawn when the browser asks for
//! its image (the pages in view first), from the laid-out pages of the
//! last previews kept here. An edit changes one or two pages, so only
//! those get new ids; the browser keeps the images whose id did not change.
//!
//! An image is drawn at the pixels per inch the browser asks for (the
//! screen's, see web/js/preview.js) and encoded for speed, not size: a
//! page of black text goes as 8-bit grey, a page with colour as RGB, both
//! with the PNG encoder's fast setting. At 72 ppi (a laptop's preview
//! pane) that is ~1 ms and ~110 kB a page, where tiny-skia's RGBA encoding
//! at 110 ppi took ~33 ms for ~300 kB (docs/performance.md).

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use axum::body::Bytes;
use typst::layout::{Frame, FrameItem};
use typst_layout::Page;

use crate::error::{Error, Result};

/// Pixels per inch of a page image when the browser does not say: sharp
/// on a laptop at 100–150 %.
pub const DEFAULT_PPI: u32 = 110;
/// The pixels per inch a browser may ask for: from a phone's thumbnail to
/// a 4K screen at 125 %.
pub const PPI_RANGE: std::ops::RangeInclusive<u32> = 36..=300;

/// Previews whose pages are kept to draw from: the latest, and the one
/// before it for a browser that has not heard of the latest yet (or a
/// second tab). Older ones are dropped, whatever their size.
const PREVIEWS_KEPT: usize = 2;

/// Bytes of page images kept. By bytes, not by count: a page of a table
/// weighs several times a page of prose, and a count alone bounds nothing.
/// At 50–150 kB a page this is 100–300 pages; the browser keeps the images
/// it shows, so this serves mostly a reload or a second tab.
const PNG_BYTES: usize = 16 * 1024 * 1024;

/// Cheap to clone: one image serves every request for it.
type Png = Bytes;

/// Drawings that count as one layout for typst's memo cache: a drawing
/// memoises each glyph bitmap (by glyph and sub-pixel position, so of
/// little use to another page), which scrolling through a long plan piles
/// up; ageing the cache at every drawing would instead make an edit lose
/// its warm layout sooner (an evicting pass costs time too).
const DRAWINGS_PER_EVICTION: usize = 10;

#[derive(Default)]
pub struct Pages {
    inner: Mutex<Inner>,
    drawn: AtomicUsize,
}

#[derive(Default)]
struct Inner {
    /// Each kept preview's pages by id, newest last.
    previews: VecDeque<HashMap<String, Page>>,
    png: HashMap<String, Png>,
    /// Ids in `png`, oldest first, to drop when over [`PNG_BYTES`].
    order: VecDeque<String>,
    bytes: usize,
    /// Pages being drawn: a second request for one waits for the first
    /// drawing instead of drawing it again.
    drawing: HashMap<String, Arc<Drawing>>,
}

struct Drawing {
    page: Page,
    png: OnceLock<std::result::Result<Png, String>>,
}

impl Pages {
    /// Keeps a preview's pages to draw from, and names them: their ids, in
    /// order.
    pub fn keep(&self, pages: &[Page]) -> Vec<String> {
        let ids: Vec<String> = pages.iter().map(|page| id(&page.frame)).collect();
        let kept = ids.iter().cloned().zip(pages.iter().cloned()).collect();
        let mut inner = self.lock();
        inner.previews.push_back(kept);
        while inner.previews.len() > PREVIEWS_KEPT {
            inner.previews.pop_front();
        }
        ids
    }

    /// A page's image at `ppi` (in [`PPI_RANGE`]), drawn now unless it
    /// already was; `None` when no kept preview has the page (an unknown id,
    /// or an old preview's).
    pub fn png(&self, id: &str, ppi: u32) -> Option<Result<Png>> {
        let key = format!("{id}@{ppi}");
        let drawing = {
            let mut inner = self.lock();
            if let Some(png) = inner.png.get(&key) {
                return Some(Ok(png.clone()));
            }
            let page = inner.previews.iter().rev().find_map(|p| p.get(id))?.clone();
            let drawing = inner.drawing.entry(key.clone()).or_insert_with(|| {
                Arc::new(Drawing {
                    page,
                    png: OnceLock::new(),
                })
            });
            drawing.clone()
        };
        let png = drawing
            .png
            .get_or_init(|| {
                let png = draw(&drawing.page, ppi).map(Bytes::from);
                if self.drawn.fetch_add(1, Ordering::Relaxed) % DRAWINGS_PER_EVICTION == 0 {
                    typst::comemo::evict(super::MEMO_AGE);
                }
                let mut inner = self.lock();
                if let Ok(png) = &png {
                    inner.cache(&key, png.clone());
                }
                inner.drawing.remove(&key);
                png
            })
            .clone();
        Some(png.map_err(|message| Error::Export { message }))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().expect("page cache lock")
    }
}

impl Inner {
    fn cache(&mut self, id: &str, png: Png) {
        self.bytes += png.len();
        if let Some(old) = self.png.insert(id.to_owned(), png) {
            self.bytes -= old.len();
        } else {
            self.order.push_back(id.to_owned());
        }
        // The newest image stays, however large: it was asked for.
        while self.bytes > PNG_BYTES && self.order.len() > 1 {
            let old = self.order.pop_front().expect("not empty");
            self.bytes -= self.png.remove(&old).map_or(0, |png| png.len());
        }
    }
}

/// The page as PNG, over white: grey when nothing on it has colour.
fn draw(page: &Page, ppi: u32) -> std::result::Result<Vec<u8>, String> {
    let pixmap = typst_render::render(
        page,
        &typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
            ..Default::default()
        },
    );
    // The pixmap is premultiplied: a pixel over white is its colour plus
    // what its alpha leaves of the white.
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    let mut grey = true;
    for p in pixmap.data().chunks_exact(4) {
        let white = 255 - p[3];
        let (r, g, b) = (p[0] + white, p[1] + white, p[2] + white);
        grey &= r == g && g == b;
        rgb.extend([r, g, b]);
    }
    let (color, data) = if grey {
        let grey: Vec<u8> = rgb.iter().step_by(3).copied().collect();
        (png::ColorType::Grayscale, grey)
    } else {
        (png::ColorType::Rgb, rgb)
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Adaptive);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

fn id(frame: &Frame) -> String {
    format!("{:032x}", typst::utils::hash128(&Pixels(frame)))
}

/// A frame as pixels: what is drawn and where, without the source spans
/// and introspection tags that every layout item also carries. An edit
/// early in the plan shifts the spans of everything after it, and would
/// otherwise give every page a new id.
struct Pixels<'a>(&'a Frame);

impl Hash for Pixels<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.size().hash(state);
        for (pos, item) in self.0.items() {
            match item {
                FrameItem::Group(group) => {
                    pos.hash(state);
                    group.transform.hash(state);
                    group.clip.hash(state);
                    Pixels(&group.frame).hash(state);
                }
                FrameItem::Text(text) => {
                    pos.hash(state);
                    text.font.hash(state);
                    text.size.hash(state);
                    text.fill.hash(state);
                    text.stroke.hash(state);
                    for glyph in &text.glyphs {
                        (glyph.id, glyph.x_advance, glyph.x_offset).hash(state);
                        (glyph.y_advance, glyph.y_offset).hash(state);
                    }
                }
                FrameItem::Shape(shape, _) => (pos, shape).hash(state),
                FrameItem::Image(image, size, _) => (pos, image, size).hash(state),
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }
}
