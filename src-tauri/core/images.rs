//! Validation and normalisation of images people upload (programme logo,
//! signatures): only real PNG or JPEG, at most 10 MB, sane dimensions, and
//! very large pictures scaled down before they are stored in the database.

use crate::validate::{Problem, ValidationError};
use image::{ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The largest file accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The largest width or height accepted from a file.
pub const MAX_PIXELS: u32 = 12_000;
/// Longer sides than this are scaled down before storing: a diploma needs no more.
pub const STORE_MAX_SIDE: u32 = 2_400;

/// An image that passed validation, ready to store.
#[derive(Debug, Clone)]
pub struct ValidImage {
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Longer sides than this are scaled down before storing a photo that is
/// only ever printed (a nomination photo): the size print embeds, so laying
/// out a catalogue needs no decode or resize (see `diploma::picture`).
pub const PHOTO_MAX_SIDE: u32 = crate::diploma::picture::PRINT_MAX_SIDE;

/// Checks `bytes` and returns the image to store. `field` names the field in
/// the error (`logo`, `signature`).
pub fn validate(field: &'static str, bytes: &[u8]) -> Result<ValidImage, ValidationError> {
    validate_within(field, bytes, STORE_MAX_SIDE)
}

/// As [`validate`], with pictures whose longer side exceeds `max_side`
/// scaled down to it (e.g. [`PHOTO_MAX_SIDE`] for photos kept at print size).
pub fn validate_within(
    field: &'static str,
    bytes: &[u8],
    max_side: u32,
) -> Result<ValidImage, ValidationError> {
    if bytes.len() > MAX_BYTES {
        return Err(ValidationError::new(
            field,
            Problem::ImageTooLarge {
                max_mb: MAX_BYTES / (1024 * 1024),
            },
        ));
    }
    let not_image = || ValidationError::new(field, Problem::NotAnImage);
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| not_image())?;
    let format = reader.format().ok_or_else(not_image)?;
    let mime = match format {
        ImageFormat::Png => "image/png",
        ImageFormat::Jpeg => "image/jpeg",
        _ => return Err(not_image()),
    };
    let (width, height) = reader.into_dimensions().map_err(|_| not_image())?;
    if width == 0 || height == 0 || width > MAX_PIXELS || height > MAX_PIXELS {
        return Err(ValidationError::new(
            field,
            Problem::ImageDimensions { max_px: MAX_PIXELS },
        ));
    }
    // Decode fully: a truncated or corrupt file fails here, not at print time.
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|_| not_image())?;
    if width.max(height) <= max_side {
        return Ok(ValidImage {
            mime,
            width,
            height,
            bytes: bytes.to_vec(),
        });
    }
    let scaled = decoded.resize(max_side, max_side, image::imageops::FilterType::Lanczos3);
    let mut out = Cursor::new(Vec::new());
    let out_format = if format == ImageFormat::Png {
        ImageFormat::Png
    } else {
        ImageFormat::Jpeg
    };
    let to_write = if out_format == ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(scaled.to_rgb8())
    } else {
        scaled
    };
    if out_format == ImageFormat::Jpeg {
        // The quality print re-encodes photos at (`diploma::picture`).
        let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
        enc.encode_image(&to_write).map_err(|_| not_image())?;
    } else {
        to_write
            .write_to(&mut out, out_format)
            .map_err(|_| not_image())?;
    }
    Ok(ValidImage {
        mime,
        width: to_write.width(),
        height: to_write.height(),
        bytes: out.into_inner(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small PNG made in memory.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([20, 120, 90, 255]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn accepts_a_png_and_reports_its_size() {
        let v = validate("logo", &png(40, 20)).unwrap();
        assert_eq!((v.mime, v.width, v.height), ("image/png", 40, 20));
    }

    #[test]
    fn refuses_text_pretending_to_be_an_image() {
        let e = validate("logo", b"not an image at all").unwrap_err();
        assert_eq!(e.problem, Problem::NotAnImage);
        assert_eq!(e.field, "logo");
    }

    #[test]
    fn refuses_a_truncated_png() {
        let bytes = png(64, 64);
        let e = validate("logo", &bytes[..bytes.len() / 2]).unwrap_err();
        assert_eq!(e.problem, Problem::NotAnImage);
    }

    #[test]
    fn refuses_files_over_ten_megabytes() {
        let big = vec![0u8; MAX_BYTES + 1];
        assert_eq!(
            validate("logo", &big).unwrap_err().problem,
            Problem::ImageTooLarge { max_mb: 10 }
        );
    }

    #[test]
    fn scales_down_very_large_pictures() {
        let v = validate("signature", &png(3000, 1000)).unwrap();
        assert_eq!((v.width, v.height), (STORE_MAX_SIDE, 800));
    }

    #[test]
    fn photos_can_be_kept_at_print_size() {
        let v = validate_within("nomination_photo", &png(2000, 1000), PHOTO_MAX_SIDE).unwrap();
        assert_eq!((v.width, v.height), (PHOTO_MAX_SIDE, 550));
        let small = validate_within("nomination_photo", &png(300, 200), PHOTO_MAX_SIDE).unwrap();
        assert_eq!((small.width, small.height), (300, 200));
    }
}
