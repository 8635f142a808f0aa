//! The chart model's layout, SVG and tables against small hand-made charts.

use super::*;

fn d(s: &str) -> NaiveDate {
    dates::parse_iso(s).unwrap()
}

#[test]
fn nice_axis_tops() {
    assert_eq!(nice_max(0), 1);
    assert_eq!(nice_max(7), 10);
    assert_eq!(nice_max(14), 20);
    assert_eq!(nice_max(41), 50);
    assert_eq!(nice_max(10_000), 10_000);
}

#[test]
fn bars_of_zero_and_no_bars_draw_without_dividing_by_zero() {
    for bars in [vec![], vec![("Ingen".to_string(), 0)]] {
        let c = Chart::Bars {
            title: "t".into(),
            unit: Unit::Count,
            bars,
        };
        let scene = layout(&c, 120.0, Lang::Da);
        for s in &scene.shapes {
            if let Shape::Rect { w, .. } = s {
                assert!(w.is_finite());
            }
        }
        assert!(svg(&scene, "t").starts_with("<svg"));
    }
    let pool = Chart::Pool {
        title: "p".into(),
        total_ore: 0,
        granted_ore: 0,
        paid_ore: 0,
    };
    assert!(pool.is_empty());
    let scene = layout(&pool, 120.0, Lang::Da);
    assert!(scene.height_mm.is_finite());
}

#[test]
fn a_long_label_is_shortened_to_fit_and_escaped_in_svg() {
    let long = "Foreningen <for> meget & lange navne ".repeat(5);
    let c = Chart::Bars {
        title: "Fordeling".into(),
        unit: Unit::Count,
        bars: vec![(long.clone(), 3)],
    };
    let scene = layout(&c, 100.0, Lang::Da);
    let label = scene
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Text { text, .. } if text.ends_with('…') => Some(text.clone()),
            _ => None,
        })
        .unwrap();
    assert!(text_mm(&label, LABEL_PT) <= 38.0);
    let svg = svg(&scene, "Fordeling");
    assert!(svg.contains("&lt;for&gt;"));
    assert!(!svg.contains("<for>"));
}

#[test]
fn growth_steps_and_table_hold_every_point() {
    let c = Chart::Growth {
        title: "Vækst".into(),
        points: vec![
            (d("2026-01-31"), 2, 3),
            (d("2026-02-28"), 5, 7),
            (d("2026-03-31"), 5, 9),
        ],
        active_label: "Aktive".into(),
        registered_label: "Alle".into(),
    };
    let scene = layout(&c, 160.0, Lang::Da);
    let lines = scene
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Line { dashed: true, .. }))
        .count();
    assert!(lines >= 5, "dashed steps for the registered series");
    let (head, rows) = table(&c, Lang::Da);
    assert_eq!(head, vec!["Dato", "Aktive", "Alle"]);
    assert_eq!(rows[1], vec!["28.02.2026", "5", "7"]);
}

#[test]
fn the_pool_splits_into_paid_granted_and_remaining() {
    let parts = pool_parts(10_000_000, 4_000_000, 1_500_000, Lang::Da);
    assert_eq!(parts[0].1, 1_500_000);
    assert_eq!(parts[1].1, 2_500_000);
    assert_eq!(parts[2].1, 6_000_000);
    let c = Chart::Pool {
        title: "Puljen".into(),
        total_ore: 10_000_000,
        granted_ore: 4_000_000,
        paid_ore: 1_500_000,
    };
    let (_, rows) = table(&c, Lang::Da);
    assert_eq!(rows[3], vec!["Puljen i alt", "100.000,00 kr."]);
}
