//! The preview's page images, by a hash of what the page shows: an edit
//! changes one or two pages, and only those are drawn again; the browser
//! keeps the images whose id did not change.

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use typst::layout::{Frame, FrameItem};
use typst_layout::Page;

use crate::error::Result;
use crate::export;

/// Pixels per inch of a preview page: sharp on a laptop at 100–150 %.
const PREVIEW_PPI: f32 = 110.0;

/// Pages kept (~100 kB each): a few plans' worth, whatever the edits.
const CAPACITY: usize = 256;

#[derive(Default)]
pub struct PageCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    png: HashMap<String, Arc<Vec<u8>>>,
    /// Ids, oldest first, to drop when full.
    order: VecDeque<String>,
}

impl PageCache {
    /// The page's id, its image drawn now unless it is already here.
    pub fn insert(&self, page: &Page) -> Result<String> {
        let id = format!("{:032x}", typst::utils::hash128(&Pixels(&page.frame)));
        if self.get(&id).is_none() {
            let png = Arc::new(export::png_page(page, PREVIEW_PPI)?);
            let mut inner = self.inner.lock().expect("page cache lock");
            if inner.png.insert(id.clone(), png).is_none() {
                inner.order.push_back(id.clone());
            }
            while inner.order.len() > CAPACITY {
                let old = inner.order.pop_front().expect("not empty");
                inner.png.remove(&old);
            }
        }
        Ok(id)
    }

    pub fn get(&self, id: &str) -> Option<Arc<Vec<u8>>> {
        self.inner
            .lock()
            .expect("page cache lock")
            .png
            .get(id)
            .cloned()
    }
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
