//! Images on a diploma and every printed document (logo, signatures,
//! photos): decoded once per distinct image, scaled down to what print needs
//! (a 10 MB photo is never embedded at full size), and shared by every page
//! of a ceremony. A JPEG already at print size is embedded in print-only
//! documents as it is, without decoding (see [`Pictures::print_only`]).

use super::ImageBytes;
use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader, Limits};
use std::collections::HashMap;
use std::io::Cursor;
use std::sync::Arc;

/// Longest side kept for print: 1,100 px is 300 dpi over 93 mm, more than a
/// logo or a signature ever gets on a diploma.
pub const PRINT_MAX_SIDE: u32 = 1_100;
/// Longest side of the copy embedded in the SVG preview.
pub const PREVIEW_MAX_SIDE: u32 = 500;

/// A decoded, scaled image ready for the renderers.
#[derive(Debug)]
pub struct Picture {
    pub digest: u64,
    pub width: u32,
    pub height: u32,
    /// Photos (JPEG sources without transparency) are re-encoded as JPEG to
    /// keep the PDF small; everything else is embedded as lossless pixels.
    pub encoded: Encoded,
    /// A small PNG for the SVG preview.
    pub preview_png: Vec<u8>,
}

#[derive(Debug)]
pub enum Encoded {
    /// JPEG file bytes (RGB).
    Jpeg(Vec<u8>),
    /// 8-bit RGB pixels.
    Rgb(Vec<u8>),
    /// 8-bit RGBA pixels (transparency kept, e.g. a scanned signature).
    Rgba(Vec<u8>),
}

/// A cache of decoded images, keyed by content digest.
#[derive(Debug, Default)]
pub struct Pictures {
    map: HashMap<u64, Option<Arc<Picture>>>,
    /// Print only: no preview PNG is made (nothing will draw one).
    print_only: bool,
}

impl Pictures {
    /// The decoded image, or `None` when the bytes are not a readable PNG or
    /// JPEG (the caller warns). Each distinct image is decoded once.
    pub fn get(&mut self, img: &ImageBytes) -> Option<Arc<Picture>> {
        let print_only = self.print_only;
        self.map
            .entry(img.digest())
            .or_insert_with(|| decode(img, print_only).map(Arc::new))
            .clone()
    }

    /// A cache for documents that are only printed: pictures get no
    /// preview PNG (`preview_png` stays empty), which saves an encode per
    /// photo in a catalogue.
    pub fn print_only() -> Self {
        Pictures {
            map: HashMap::new(),
            print_only: true,
        }
    }

    /// An already decoded image by digest.
    pub fn by_digest(&self, digest: u64) -> Option<&Arc<Picture>> {
        self.map.get(&digest).and_then(|p| p.as_ref())
    }
}

/// Whether `bytes` look like a PNG or JPEG of a sensible size, read from
/// the header only (no pixels decoded).
pub fn readable(bytes: &[u8]) -> bool {
    let Ok(reader) = ImageReader::new(Cursor::new(bytes)).with_guessed_format() else {
        return false;
    };
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return false;
    }
    matches!(reader.into_dimensions(), Ok((w, h)) if w > 0 && h > 0)
}

fn decode(img: &ImageBytes, print_only: bool) -> Option<Picture> {
    let bytes = img.bytes();
    if print_only {
        if let Some((width, height)) = jpeg_as_is(bytes) {
            // Already a print-size baseline/progressive RGB JPEG (photos are
            // stored so, see `images::PHOTO_MAX_SIDE`): embedded as it is,
            // no decode, resize or re-encode.
            return Some(Picture {
                digest: img.digest(),
                width,
                height,
                encoded: Encoded::Jpeg(bytes.to_vec()),
                preview_png: Vec::new(),
            });
        }
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let format = reader.format()?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
        return None;
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let full = reader.decode().ok()?;
    let (w, h) = full.dimensions();
    if w == 0 || h == 0 {
        return None;
    }
    let scaled = fit(full, PRINT_MAX_SIDE);
    let (width, height) = scaled.dimensions();
    let has_alpha = scaled.color().has_alpha() && !fully_opaque(&scaled);
    let encoded = if has_alpha {
        Encoded::Rgba(scaled.to_rgba8().into_raw())
    } else if format == ImageFormat::Jpeg {
        let rgb = scaled.to_rgb8();
        let mut out = Vec::new();
        let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
        match enc.encode_image(&rgb) {
            Ok(()) => Encoded::Jpeg(out),
            Err(_) => Encoded::Rgb(rgb.into_raw()),
        }
    } else {
        Encoded::Rgb(scaled.to_rgb8().into_raw())
    };
    let mut preview_png = Vec::new();
    if !print_only {
        let preview = fit(scaled, PREVIEW_MAX_SIDE);
        preview
            .write_to(&mut Cursor::new(&mut preview_png), ImageFormat::Png)
            .ok()?;
    }
    Some(Picture {
        digest: img.digest(),
        width,
        height,
        encoded,
        preview_png,
    })
}

/// The width and height of a JPEG that print can embed unchanged: 8-bit,
/// three colour components (YCbCr/RGB, which the PDF's `DeviceRGB` DCT
/// image expects; grey and CMYK go the decode path), complete (ends with
/// the end-of-image marker) and no larger than [`PRINT_MAX_SIDE`]. Read from
/// the markers only.
fn jpeg_as_is(bytes: &[u8]) -> Option<(u32, u32)> {
    if !bytes.starts_with(&[0xFF, 0xD8]) || !bytes.ends_with(&[0xFF, 0xD9]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if len < 2 {
            return None;
        }
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            // Only baseline (C0), extended (C1) and progressive (C2)
            // Huffman JPEGs: what every PDF reader decodes.
            if !matches!(marker, 0xC0..=0xC2) {
                return None;
            }
            let sof = bytes.get(i + 4..i + 2 + len)?;
            let (precision, components) = (*sof.first()?, *sof.get(5)?);
            let height = u32::from(u16::from_be_bytes([*sof.get(1)?, *sof.get(2)?]));
            let width = u32::from(u16::from_be_bytes([*sof.get(3)?, *sof.get(4)?]));
            let fits = width > 0 && height > 0 && width.max(height) <= PRINT_MAX_SIDE;
            return (precision == 8 && components == 3 && fits).then_some((width, height));
        }
        if marker == 0xDA {
            return None; // scan before any frame header
        }
        i += 2 + len;
    }
    None
}

fn fit(img: DynamicImage, max_side: u32) -> DynamicImage {
    let (w, h) = img.dimensions();
    if w.max(h) <= max_side {
        return img;
    }
    img.resize(max_side, max_side, image::imageops::FilterType::CatmullRom)
}

fn fully_opaque(img: &DynamicImage) -> bool {
    match img {
        DynamicImage::ImageRgba8(b) => b.pixels().all(|p| p.0[3] == 255),
        DynamicImage::ImageLumaA8(b) => b.pixels().all(|p| p.0[1] == 255),
        other => other.to_rgba8().pixels().all(|p| p.0[3] == 255),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn png(img: DynamicImage) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png);
        out
    }

    #[test]
    fn big_photos_are_scaled_down_and_reencoded_as_jpeg() {
        let photo = RgbImage::from_fn(4000, 3000, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut jpeg = Vec::new();
        let _ =
            DynamicImage::ImageRgb8(photo).write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg);
        let mut pics = Pictures::default();
        let p = pics.get(&ImageBytes::new(jpeg)).expect("decodes");
        assert_eq!((p.width, p.height), (1100, 825));
        assert!(matches!(p.encoded, Encoded::Jpeg(_)));
    }

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let photo = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Vec::new();
        let _ =
            DynamicImage::ImageRgb8(photo).write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg);
        out
    }

    #[test]
    fn print_size_jpegs_are_embedded_as_they_are_when_printing() {
        let bytes = jpeg(1000, 750);
        let mut pics = Pictures::print_only();
        let p = pics.get(&ImageBytes::new(bytes.clone())).expect("reads");
        assert_eq!((p.width, p.height), (1000, 750));
        match &p.encoded {
            Encoded::Jpeg(b) => assert_eq!(b, &bytes, "the very same bytes"),
            other => panic!("not passed through: {other:?}"),
        }
    }

    #[test]
    fn jpegs_that_cannot_pass_through_are_decoded() {
        // Too large: scaled down and re-encoded.
        let mut pics = Pictures::print_only();
        let big = jpeg(1600, 1200);
        let p = pics.get(&ImageBytes::new(big.clone())).expect("decodes");
        assert_eq!((p.width, p.height), (1100, 825));
        assert!(matches!(&p.encoded, Encoded::Jpeg(b) if b != &big));
        // Grey: decoded (DeviceRGB would be wrong).
        let grey = image::GrayImage::from_pixel(200, 100, image::Luma([128]));
        let mut g = Vec::new();
        let _ =
            DynamicImage::ImageLuma8(grey).write_to(&mut Cursor::new(&mut g), ImageFormat::Jpeg);
        assert_eq!(jpeg_as_is(&g), None);
        assert!(pics.get(&ImageBytes::new(g)).is_some());
        // Truncated: never embedded as it is (the decoder decides what is
        // left of it, as for any damaged picture).
        let mut cut = jpeg(400, 300);
        cut.truncate(cut.len() / 2);
        assert_eq!(jpeg_as_is(&cut), None);
        if let Some(p) = pics.get(&ImageBytes::new(cut.clone())) {
            assert!(!matches!(&p.encoded, Encoded::Jpeg(b) if b == &cut));
        }
        // A preview cache always decodes (it needs the pixels).
        let p = Pictures::default()
            .get(&ImageBytes::new(jpeg(400, 300)))
            .expect("decodes");
        assert!(!p.preview_png.is_empty());
    }

    #[test]
    fn transparent_signatures_keep_their_alpha() {
        let sig = RgbaImage::from_fn(300, 100, |x, _| {
            Rgba([0, 0, 0, if x % 7 == 0 { 255 } else { 0 }])
        });
        let mut pics = Pictures::default();
        let p = pics
            .get(&ImageBytes::new(png(DynamicImage::ImageRgba8(sig))))
            .expect("decodes");
        assert!(matches!(p.encoded, Encoded::Rgba(_)));
        assert!(!p.preview_png.is_empty());
    }

    #[test]
    fn corrupt_bytes_give_none_once() {
        let mut pics = Pictures::default();
        let mut bytes = png(DynamicImage::ImageRgb8(RgbImage::new(40, 40)));
        bytes.truncate(bytes.len() / 2);
        assert!(pics.get(&ImageBytes::new(bytes)).is_none());
        assert!(pics
            .get(&ImageBytes::new(b"not an image".to_vec()))
            .is_none());
    }
}
