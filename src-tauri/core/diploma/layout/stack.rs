//! The vertical stack of a page: each step yields a [`Block`] with its items
//! positioned relative to its own top; the blocks are stacked from the top of
//! the content box and the spare height is shared out between the gaps.

use super::items::{Item, Rect};

/// One piece of the vertical stack: items positioned relative to its top.
pub(super) struct Block {
    pub(super) height: f32,
    pub(super) items: Vec<Item>,
    /// Minimum space above this block.
    pub(super) gap: f32,
    /// Share of the spare height given to the space above this block.
    pub(super) weight: f32,
}

impl Block {
    pub(super) fn empty() -> Block {
        Block {
            height: 0.0,
            items: Vec::new(),
            gap: 0.0,
            weight: 0.0,
        }
    }
}

/// The height the blocks need with their minimum gaps.
pub(super) fn need(blocks: &[Block]) -> f32 {
    blocks.iter().map(|b| b.height + b.gap).sum()
}

/// Stacks the blocks from the top of `content` into `items`; the spare
/// height goes into the gaps, in proportion to the blocks' weights.
pub(super) fn stack(blocks: Vec<Block>, content: Rect, items: &mut Vec<Item>) {
    let spare = (content.h - need(&blocks)).max(0.0);
    let weights: f32 = blocks.iter().map(|b| b.weight).sum();
    let mut y = content.y;
    for b in blocks {
        let extra = if weights > 0.0 {
            spare * b.weight / weights
        } else {
            0.0
        };
        y += b.gap + extra;
        for item in b.items {
            items.push(item.shifted(y));
        }
        y += b.height;
    }
}
