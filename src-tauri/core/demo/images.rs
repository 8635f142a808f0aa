//! The demo programme's pictures, drawn in code (no files shipped): a logo
//! (a green ring around a heart and two leaves) and handwritten-looking
//! signatures (looping ink strokes), as PNG.

use image::{ImageFormat, Rgba, RgbaImage};
use std::io::Cursor;

fn png(img: &RgbaImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    // Encoding an in-memory RGBA buffer into a Vec cannot fail.
    let _ = img.write_to(&mut out, ImageFormat::Png);
    out.into_inner()
}

/// Paints a disc of radius `r` (anti-aliased edge) at (`cx`, `cy`).
fn dot(img: &mut RgbaImage, cx: f32, cy: f32, r: f32, ink: [u8; 3]) {
    let (w, h) = img.dimensions();
    let x0 = (cx - r - 1.0).floor().max(0.0) as u32;
    let y0 = (cy - r - 1.0).floor().max(0.0) as u32;
    let x1 = ((cx + r + 1.0).ceil() as u32).min(w.saturating_sub(1));
    let y1 = ((cy + r + 1.0).ceil() as u32).min(h.saturating_sub(1));
    for y in y0..=y1 {
        for x in x0..=x1 {
            let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
            let cover = (r + 0.5 - d).clamp(0.0, 1.0);
            if cover > 0.0 {
                let p = img.get_pixel_mut(x, y);
                let a = (cover * 255.0) as u8;
                if a > p.0[3] {
                    *p = Rgba([ink[0], ink[1], ink[2], a]);
                }
            }
        }
    }
}

/// The programme's logo: 480 × 480 px, transparent outside the ring.
pub fn logo() -> Vec<u8> {
    let size = 480u32;
    let mut img = RgbaImage::from_pixel(size, size, Rgba([0, 0, 0, 0]));
    let c = size as f32 / 2.0;
    let green = [0x2e, 0x7d, 0x32];
    let light = [0x81, 0xc7, 0x84];
    let red = [0xc6, 0x28, 0x28];
    for y in 0..size {
        for x in 0..size {
            let (fx, fy) = (x as f32 - c, y as f32 - c);
            let d = (fx * fx + fy * fy).sqrt();
            // White disc inside a green ring.
            if d <= 230.0 {
                let colour = if d >= 200.0 { green } else { [255, 255, 255] };
                img.put_pixel(x, y, Rgba([colour[0], colour[1], colour[2], 255]));
            }
            // A heart: (u² + v² − 1)³ − u² v³ ≤ 0, scaled to the middle.
            let u = fx / 95.0;
            let v = -(fy - 10.0) / 95.0;
            if (u * u + v * v - 1.0).powi(3) - u * u * v.powi(3) <= 0.0 {
                img.put_pixel(x, y, Rgba([red[0], red[1], red[2], 255]));
            }
            // Two leaves above the heart: ellipses tilted ±35°.
            for (ox, angle) in [(-45.0f32, 0.6f32), (45.0, -0.6)] {
                let (lx, ly) = (fx - ox, fy + 120.0);
                let (s, co) = angle.sin_cos();
                let (rx, ry) = (lx * co - ly * s, lx * s + ly * co);
                if (rx / 22.0).powi(2) + (ry / 48.0).powi(2) <= 1.0 {
                    img.put_pixel(x, y, Rgba([light[0], light[1], light[2], 255]));
                }
            }
        }
    }
    png(&img)
}

/// A signature: 720 × 220 px of dark-blue ink on transparent ground, a
/// different hand for each `seed`.
pub fn signature(seed: u32) -> Vec<u8> {
    let (w, h) = (720u32, 220u32);
    let mut img = RgbaImage::from_pixel(w, h, Rgba([0, 0, 0, 0]));
    let ink = [0x1a, 0x23, 0x7e];
    let s = seed as f32;
    let loops = 7.0 + (seed % 3) as f32;
    let steps = 2400;
    // A prolate cycloid drifting right reads as looping handwriting; the
    // envelope makes the first letter tall and the end trail off.
    for i in 0..steps {
        let t = i as f32 / steps as f32;
        let a = t * loops * std::f32::consts::TAU;
        let envelope = 1.0 - 0.55 * t + 0.5 * (-(t * 12.0)).exp();
        let x = 40.0 + t * 600.0 + 22.0 * (a + s).cos();
        let y = 115.0 - envelope * (38.0 + 10.0 * (a * 0.5 + s).sin()) * (a).sin()
            + 12.0 * (t * 5.0 + s).sin();
        let r = 2.2 + 0.9 * (a * 0.3 + s).cos().abs();
        dot(&mut img, x, y, r, ink);
    }
    // The underline flourish.
    for i in 0..600 {
        let t = i as f32 / 600.0;
        let x = 60.0 + t * 560.0;
        let y = 185.0 - 14.0 * (t * std::f32::consts::PI).sin() + 3.0 * s.sin();
        dot(&mut img, x, y, 1.8 + 0.8 * (1.0 - t), ink);
    }
    png(&img)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pictures_are_valid_images_for_the_settings() {
        for (field, bytes) in [
            ("logo", logo()),
            ("signature", signature(1)),
            ("signature", signature(2)),
        ] {
            let img = crate::images::validate(field, &bytes).unwrap();
            let _ = img;
        }
        assert_ne!(signature(1), signature(2));
    }
}
