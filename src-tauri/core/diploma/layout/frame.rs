//! The drawn decoration of each design: the frame around the page (double
//! rule with corner diamonds, or a fine rule with solid corner brackets) and
//! the small ornament under the subtitle.

use super::super::{Design, Rgb};
use super::items::{Item, Rect};

/// The small ornament under the subtitle; returns the items and its height.
pub(super) fn ornament(design: Design, cx: f32, top: f32, colour: Rgb) -> (Vec<Item>, f32) {
    match design {
        Design::Classic => {
            let cy = top + 1.6;
            let d = 1.6;
            (
                vec![
                    Item::Line {
                        x1: cx - 32.0,
                        y1: cy,
                        x2: cx - 4.0,
                        y2: cy,
                        width_pt: 0.6,
                        colour,
                    },
                    Item::Line {
                        x1: cx + 4.0,
                        y1: cy,
                        x2: cx + 32.0,
                        y2: cy,
                        width_pt: 0.6,
                        colour,
                    },
                    Item::Polygon {
                        points: vec![(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)],
                        colour,
                    },
                ],
                3.2,
            )
        }
        Design::Modern => (
            vec![Item::Rect {
                rect: Rect {
                    x: cx - 9.0,
                    y: top,
                    w: 18.0,
                    h: 1.1,
                },
                width_pt: 0.0,
                colour,
                fill: true,
            }],
            1.1,
        ),
    }
}

/// The frame of a design.
pub(super) fn decoration(design: Design, page: Rect, frame: Rect, colour: Rgb) -> Vec<Item> {
    match design {
        Design::Classic => classic_frame(page, frame, colour),
        Design::Modern => modern_frame(frame, colour),
    }
}

/// Classic: a heavy outer and a fine inner rule, a diamond in each corner.
fn classic_frame(page: Rect, frame: Rect, colour: Rgb) -> Vec<Item> {
    let outer = frame.inset(1.0);
    let inner = frame.inset(3.6);
    let mut v = vec![
        Item::Rect {
            rect: outer,
            width_pt: 2.2,
            colour,
            fill: false,
        },
        Item::Rect {
            rect: inner,
            width_pt: 0.6,
            colour,
            fill: false,
        },
    ];
    // A small diamond just inside each corner of the inner rule.
    let d = 2.4;
    for (x, y) in [
        (inner.x, inner.y),
        (inner.right(), inner.y),
        (inner.x, inner.bottom()),
        (inner.right(), inner.bottom()),
    ] {
        let (dx, dy) = (
            if x < page.w / 2.0 { 5.0 } else { -5.0 },
            if y < page.h / 2.0 { 5.0 } else { -5.0 },
        );
        v.push(Item::Polygon {
            points: vec![
                (x + dx, y + dy - d),
                (x + dx + d, y + dy),
                (x + dx, y + dy + d),
                (x + dx - d, y + dy),
            ],
            colour,
        });
    }
    v
}

/// Modern: a fine tinted rule and solid corner brackets.
fn modern_frame(frame: Rect, colour: Rgb) -> Vec<Item> {
    let inner = frame.inset(1.0);
    let mut v = vec![Item::Rect {
        rect: inner,
        width_pt: 0.5,
        colour: colour.tint(0.45),
        fill: false,
    }];
    // Solid corner brackets in the programme colour.
    let len = 22.0;
    let t = 2.2;
    let o = frame;
    for (x, y, sx, sy) in [
        (o.x, o.y, 1.0, 1.0),
        (o.right(), o.y, -1.0, 1.0),
        (o.x, o.bottom(), 1.0, -1.0),
        (o.right(), o.bottom(), -1.0, -1.0),
    ] {
        let hx = if sx > 0.0 { x } else { x - len };
        let hy = if sy > 0.0 { y } else { y - t };
        v.push(Item::Rect {
            rect: Rect {
                x: hx,
                y: hy,
                w: len,
                h: t,
            },
            width_pt: 0.0,
            colour,
            fill: true,
        });
        let vx = if sx > 0.0 { x } else { x - t };
        let vy = if sy > 0.0 { y } else { y - len };
        v.push(Item::Rect {
            rect: Rect {
                x: vx,
                y: vy,
                w: t,
                h: len,
            },
            width_pt: 0.0,
            colour,
            fill: true,
        });
    }
    v
}
