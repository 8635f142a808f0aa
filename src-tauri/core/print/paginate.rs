//! Rows placed on pages: page breaks between rows (never inside one),
//! headings kept with what follows, groups kept together when they fit,
//! table headers repeated, page numbers and the footer added, and the
//! contents filled in a second pass once the headings' pages are known.

use super::blocks::{self, Ctx, Piece, Row};
use super::text::{set_line, Align, Style, GREY};
use super::{Block, PAGE_H, PAGE_W};
use super::{Document, Layout, PrintError, BODY_BOTTOM, BODY_TOP, BODY_W, MARGIN_X};
use crate::diploma::fonts::FontId;
use crate::diploma::layout::{Item, Rect, Role};
use crate::diploma::picture::Pictures;
use crate::i18n::Lang;

/// The laid-out document.
pub struct Laid {
    pub pages: Vec<Layout>,
    /// Level-1 headings and their (0-based) page index, for the bookmarks.
    pub outline: Vec<(String, usize)>,
}

/// A page's items and whether it is a cover (no footer).
type Page = (Vec<Item>, bool);
/// Level-1 headings and the (0-based) page each is on.
type Marks = Vec<(String, usize)>;

struct Pager {
    pages: Vec<Page>,
    items: Vec<Item>,
    y: f32,
    /// Level-1 headings and the page they are on.
    marks: Marks,
    /// Whether anything has been placed on the current page.
    used: bool,
}

impl Pager {
    fn new() -> Self {
        Pager {
            pages: Vec::new(),
            items: Vec::new(),
            y: BODY_TOP,
            marks: Vec::new(),
            used: false,
        }
    }

    fn new_page(&mut self) {
        let items = std::mem::take(&mut self.items);
        self.pages.push((items, false));
        self.y = BODY_TOP;
        self.used = false;
    }

    /// Ends the current page unless it is still empty.
    fn break_page(&mut self) {
        if self.used {
            self.new_page();
        }
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    fn gap(&self, r: &Row) -> f32 {
        if self.used {
            r.gap
        } else {
            0.0
        }
    }

    /// Places `r` at the cursor (the caller has checked the room).
    fn put(&mut self, r: &Row) {
        let gap = self.gap(r);
        if r.h <= 0.0 && r.items.is_empty() {
            // Pure space: dropped at the top of a page.
            if self.used {
                self.y = (self.y + gap).min(BODY_BOTTOM);
            }
            return;
        }
        self.y += gap;
        if let Some(m) = &r.mark {
            self.marks.push((m.clone(), self.pages.len()));
        }
        for it in &r.items {
            self.items.push(it.clone().shifted(self.y));
        }
        self.y += r.h;
        self.used = true;
    }

    /// Whether `rows` (with their gaps) fit in the room left.
    fn fits(&self, rows: &[Row]) -> bool {
        let mut need = 0.0;
        for (i, r) in rows.iter().enumerate() {
            need += if i == 0 { self.gap(r) } else { r.gap } + r.h;
        }
        need <= self.room() + 0.001
    }

    /// Places a run of rows, breaking pages between them; `header` rows are
    /// repeated at the top of every new page the run continues on. A row
    /// marked `keep_with_next` goes on the same page as the row after it,
    /// unless the chain of such rows is longer than a page.
    fn place(&mut self, rows: &[Row], header: &[Row]) {
        let fresh = BODY_BOTTOM - BODY_TOP;
        let mut i = 0;
        while i < rows.len() {
            let mut j = i;
            while j + 1 < rows.len() && rows[j].keep_with_next {
                j += 1;
            }
            let chain = &rows[i..=j];
            let chain_h: f32 = chain.iter().map(|r| r.gap + r.h).sum();
            if !self.fits(chain) && self.used && chain_h <= fresh {
                self.new_page();
                self.put_all(header);
            }
            for r in chain {
                if !self.fits(std::slice::from_ref(r)) && self.used {
                    self.new_page();
                    self.put_all(header);
                }
                self.put(r);
            }
            i = j + 1;
        }
    }

    fn put_all(&mut self, rows: &[Row]) {
        for r in rows {
            self.put(r);
        }
    }

    fn finish(mut self) -> (Vec<Page>, Marks) {
        if self.used || self.pages.is_empty() {
            let items = std::mem::take(&mut self.items);
            self.pages.push((items, false));
        }
        (self.pages, self.marks)
    }
}

/// The rows at the end of `run` that must stay with what follows (a
/// heading before a table or a group), taken out of `run`.
fn trailing_keeps(run: &mut Vec<Row>) -> Vec<Row> {
    let mut lead = Vec::new();
    while run.last().is_some_and(|r| r.keep_with_next) {
        if let Some(r) = run.pop() {
            lead.insert(0, r);
        }
    }
    lead
}

fn paginate(pieces: &[Piece]) -> (Vec<Page>, Marks) {
    let mut p = Pager::new();
    let mut run: Vec<Row> = Vec::new();
    let flush = |p: &mut Pager, run: &mut Vec<Row>| {
        if !run.is_empty() {
            p.place(run, &[]);
            run.clear();
        }
    };
    for piece in pieces {
        match piece {
            Piece::Row(r) => run.push(r.clone()),
            Piece::Group(rows) => {
                let mut group = trailing_keeps(&mut run);
                flush(&mut p, &mut run);
                group.extend(rows.iter().cloned());
                let h: f32 = group.iter().map(|r| r.gap + r.h).sum();
                if !p.fits(&group) && p.used && h <= BODY_BOTTOM - BODY_TOP {
                    p.new_page();
                }
                p.place(&group, &[]);
            }
            Piece::Table { header, rows } => {
                // Rows before the table that must stay with it (a heading).
                let lead = trailing_keeps(&mut run);
                flush(&mut p, &mut run);
                let mut start: Vec<Row> = lead;
                start.extend(header.iter().cloned());
                if let Some(first) = rows.first() {
                    start.push(first.clone());
                }
                if !p.fits(&start) && p.used {
                    p.new_page();
                }
                let n_lead = start.len() - header.len() - usize::from(!rows.is_empty());
                p.put_all(&start[..n_lead]);
                p.put_all(header);
                p.place(rows, header);
            }
            Piece::Cover(items) => {
                flush(&mut p, &mut run);
                p.break_page();
                p.items.extend(items.iter().cloned());
                let items = std::mem::take(&mut p.items);
                p.pages.push((items, true));
                p.y = BODY_TOP;
                p.used = false;
            }
            Piece::PageBreak => {
                flush(&mut p, &mut run);
                p.break_page();
            }
        }
    }
    flush(&mut p, &mut run);
    p.finish()
}

fn footer(doc: &Document, page: usize, of: usize) -> Vec<Item> {
    let st = Style::new(FontId::LatoRegular, 8.0, GREY);
    let y = PAGE_H - 14.0;
    let number = match doc.lang {
        Lang::Da => format!("Side {page} af {of}"),
        Lang::En => format!("Page {page} of {of}"),
    };
    let mut items = set_line(
        &st,
        &number,
        MARGIN_X,
        BODY_W,
        y,
        Align::Right,
        Role::Footer,
    );
    let room = BODY_W - st.width_mm(&number) - 8.0;
    let mut text = doc.footer.clone();
    while st.width_mm(&text) > room && text.chars().count() > 1 {
        text.pop();
        text = format!("{}…", text.trim_end_matches('…').trim_end());
        if st.width_mm(&text) <= room {
            break;
        }
        text.pop();
    }
    items.extend(set_line(
        &st,
        &text,
        MARGIN_X,
        room,
        y,
        Align::Left,
        Role::Footer,
    ));
    items.push(Item::Line {
        x1: MARGIN_X,
        y1: y - 5.0,
        x2: MARGIN_X + BODY_W,
        y2: y - 5.0,
        width_pt: 0.4,
        colour: super::text::RULE,
    });
    items
}

/// Lays out `doc`: blocks to rows, rows to pages; a second pass when the
/// document has a table of contents.
pub fn lay_out(doc: &Document, pictures: &mut Pictures) -> Result<Laid, PrintError> {
    for f in FontId::ALL {
        if f.face().is_none() {
            return Err(PrintError::Font(f.key()));
        }
    }
    let has_contents = doc.blocks.iter().any(|b| matches!(b, Block::Contents));
    let mut ctx = Ctx {
        accent: doc.accent,
        lang: doc.lang,
        pictures,
        contents: None,
    };
    let pieces = blocks::pieces(doc, &mut ctx)?;
    let (mut pages, mut marks) = paginate(&pieces);
    if has_contents {
        // The contents' entries take room: lay out with them (numbers as
        // found), then again with the numbers that result, until stable.
        for _ in 0..3 {
            let numbered: Vec<(String, usize)> =
                marks.iter().map(|(t, p)| (t.clone(), p + 1)).collect();
            let ctx = &mut Ctx {
                accent: doc.accent,
                lang: doc.lang,
                pictures: ctx.pictures,
                contents: Some(&numbered),
            };
            let pieces = blocks::pieces(doc, ctx)?;
            let (p2, m2) = paginate(&pieces);
            let same = m2 == marks;
            pages = p2;
            marks = m2;
            if same {
                break;
            }
        }
    }
    let of = pages.len();
    let layouts = pages
        .into_iter()
        .enumerate()
        .map(|(i, (mut items, cover))| {
            if !cover {
                items.extend(footer(doc, i + 1, of));
            }
            let page = Rect {
                x: 0.0,
                y: 0.0,
                w: PAGE_W,
                h: PAGE_H,
            };
            Layout {
                width: PAGE_W,
                height: PAGE_H,
                content: page.inset(MARGIN_X),
                frame: page,
                items,
                partner: String::new(),
            }
        })
        .collect();
    Ok(Laid {
        pages: layouts,
        outline: marks,
    })
}
