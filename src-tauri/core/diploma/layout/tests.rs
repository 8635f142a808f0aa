//! Tests of the layout: every design and orientation is sound, long names
//! wrap or shrink, many goals shrink or flow into two columns, missing
//! characters and unreadable images are warned about, and the text dumps of
//! three pages match the committed snapshots in `tests/snapshots/`.

use super::super::{Design, Orientation, Signer, Wording};
use super::*;
use chrono::NaiveDate;

pub(crate) fn sample(partner: &str) -> DiplomaInput {
    DiplomaInput {
        partner: partner.into(),
        goals: vec![
            "At Fredericia bliver røgfri".into(),
            "At Fredericia er i bevægelse".into(),
            "Fællesskabets Fredericia".into(),
        ],
        programme: "Sund By mikro-partnerskaber".into(),
        municipality: "Fredericia Kommune".into(),
        place: "Fredericia".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
        wording: Wording::default(),
        design: Design::Classic,
        orientation: Orientation::Landscape,
        colour: Rgb::DEFAULT,
        logo: None,
        signers: vec![
            Signer {
                name: "Steen Wrist Ebbesen".into(),
                title: "Formand for Sundhedsudvalget".into(),
                signature: None,
            },
            Signer {
                name: "Jacob Bjerregaard".into(),
                title: "Borgmester".into(),
                signature: None,
            },
        ],
    }
}

fn lay(input: &DiplomaInput) -> (Layout, Vec<Warning>) {
    compute(input, &mut Pictures::default()).expect("layout")
}

fn all_variants(input: &DiplomaInput) -> Vec<DiplomaInput> {
    let mut v = Vec::new();
    for d in Design::ALL {
        for o in [Orientation::Landscape, Orientation::Portrait] {
            let mut i = input.clone();
            i.design = d;
            i.orientation = o;
            v.push(i);
        }
    }
    v
}

#[test]
fn a_normal_diploma_is_sound_in_every_design_and_orientation() {
    for input in all_variants(&sample("Røde Kors Hovedstaden")) {
        let (l, w) = lay(&input);
        assert_eq!(l.problems(), Vec::<String>::new(), "{:?}", input.design);
        assert!(w.is_empty());
        let name: Vec<_> = l.runs(Role::Name).collect();
        assert_eq!(name.len(), 1);
        // The name is the largest text and centred by measurement.
        let max_other = l
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) if t.role != Role::Name => Some(t.size_pt),
                _ => None,
            })
            .fold(0.0f32, f32::max);
        assert!(name[0].size_pt > max_other || input.design == Design::Classic);
        let centre = name[0].x + name[0].width / 2.0;
        assert!((centre - l.width / 2.0).abs() < 0.01);
        assert_eq!(
            l.runs(Role::Footer).next().map(|t| t.text.as_str()),
            Some("Fredericia, 22. november 2026")
        );
    }
}

#[test]
fn a_long_name_wraps_into_two_balanced_lines() {
    let input = sample("Foreningen for Bevægelse og Trivsel blandt Ældre i Fredericia Midtby");
    let (l, _) = lay(&input);
    let lines: Vec<_> = l.runs(Role::Name).collect();
    assert_eq!(lines.len(), 2);
    let (a, b) = (lines[0].width, lines[1].width);
    assert!(a.max(b) / a.min(b) < 1.5, "balanced: {a} vs {b}");
    assert!(l.problems().is_empty(), "{:?}", l.problems());
}

#[test]
fn a_200_character_name_stays_inside_the_frame() {
    let long = "Sammenslutningen af Idrætsforeninger, Grundejerforeninger og Beboerforeninger i Den Sydlige Del af Fredericia Kommune med Tilknyttede Frivillige Organisationer og Sundhedsfremmende Fællesskab";
    let long: String = long.chars().take(200).collect();
    for input in all_variants(&sample(&long)) {
        let (l, _) = lay(&input);
        assert_eq!(
            l.problems(),
            Vec::<String>::new(),
            "{:?} {:?}",
            input.design,
            input.orientation
        );
        let text: String = l
            .runs(Role::Name)
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(text, long, "every character of the name is printed");
    }
    // One word of 200 letters too.
    let word = "Ø".repeat(200);
    let (l, _) = lay(&sample(&word));
    assert!(l.problems().is_empty(), "{:?}", l.problems());
}

#[test]
fn many_goals_shrink_or_flow_to_two_columns() {
    let mut input = sample("Børnehaven Evigglad");
    input.goals = (1..=30)
        .map(|i| format!("Målsætning nummer {i} om sundhed og trivsel i byen"))
        .collect();
    for input in all_variants(&input) {
        let (l, _) = lay(&input);
        assert!(l.problems().is_empty(), "{:?}", l.problems());
        let goals: Vec<_> = l.runs(Role::Goal).collect();
        assert!(goals.len() >= 30);
        let xs: Vec<f32> = goals
            .iter()
            .map(|g| (g.x + g.width / 2.0).round())
            .collect();
        let two_columns = xs.iter().any(|x| (x - xs[0]).abs() > 20.0);
        let shrunk = goals[0].size_pt < style(input.design, input.orientation).goal_pt;
        assert!(
            two_columns || shrunk,
            "{:?} {:?} {} {:?}",
            input.design,
            input.orientation,
            goals[0].size_pt,
            xs
        );
    }
}

#[test]
fn hundreds_of_goals_are_refused_rather_than_overflowing() {
    let mut input = sample("Børnehaven Evigglad");
    input.goals = (1..=400)
        .map(|i| {
            format!("Målsætning {i} med en lang tekst om sundhed, trivsel og bevægelse for alle")
        })
        .collect();
    match compute(&input, &mut Pictures::default()) {
        Err(DiplomaError::DoesNotFit) => {}
        Ok((l, _)) => assert!(l.problems().is_empty()),
        Err(e) => panic!("unexpected {e}"),
    }
}

#[test]
fn emoji_and_missing_characters_are_warned_about_by_name() {
    let (l, w) = lay(&sample("Sol og Smil 😀"));
    assert!(w.contains(&Warning::MissingCharacter {
        partner: "Sol og Smil 😀".into(),
        ch: '😀'
    }));
    let printed: String = l.runs(Role::Name).map(|t| t.text.clone()).collect();
    assert_eq!(printed.trim(), "Sol og Smil");
}

#[test]
fn empty_goals_and_blank_place_are_handled() {
    let mut input = sample("Børnehaven Evigglad");
    input.goals.clear();
    input.place.clear();
    let (l, w) = lay(&input);
    assert!(w.iter().any(|w| matches!(w, Warning::NoGoals { .. })));
    assert_eq!(
        l.runs(Role::Footer).next().map(|t| t.text.as_str()),
        Some("22. november 2026")
    );
    assert!(l.problems().is_empty());
}

#[test]
fn corrupt_logo_is_a_warning_not_an_error() {
    let mut input = sample("Børnehaven Evigglad");
    input.logo = Some(super::super::ImageBytes::new(b"\x89PNG broken".to_vec()));
    let (l, w) = lay(&input);
    assert!(w.contains(&Warning::ImageUnreadable {
        image: ImageRole::Logo
    }));
    assert!(!l.items.iter().any(|i| matches!(i, Item::Image { .. })));
}

#[test]
fn fallback_face_draws_what_the_main_face_lacks() {
    // Garamond Italic lacks old Cyrillic letters; they fall back to a face that has them.
    let mut input = sample("Børnehaven Evigglad");
    input.wording.body = "Ѫ Ѭ\n{goals}".into();
    let (l, w) = lay(&input);
    assert!(w.is_empty(), "{w:?}");
    let body: Vec<_> = l.runs(Role::Body).collect();
    assert!(body.iter().any(|r| r.text.contains('Ѫ')));
    for r in body
        .iter()
        .filter(|r| r.text.contains('Ѫ') || r.text.contains('Ѭ'))
    {
        assert_ne!(r.font, FontId::GaramondItalic);
    }
}

#[test]
fn layout_snapshots_match() {
    let mut long = sample(
        "Sammenslutningen af Idrætsforeninger, Grundejerforeninger og Beboerforeninger i Den Sydlige Del af Fredericia Kommune med Tilknyttede Frivillige Organisationer",
    );
    long.design = Design::Modern;
    let cases = [
        ("classic-landscape", sample("Røde Kors Hovedstaden")),
        ("modern-portrait", {
            let mut i = sample("Ærø Åben Skole & Fællesskab");
            i.design = Design::Modern;
            i.orientation = Orientation::Portrait;
            i.signers.truncate(1);
            i
        }),
        ("modern-long-name", long),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (name, input) in cases {
        let (l, _) = lay(&input);
        assert!(l.problems().is_empty(), "{name}: {:?}", l.problems());
        let got = l.dump();
        let path = dir.join(format!("diploma-{name}.txt"));
        if update {
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(&path, &got);
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            got, want,
            "snapshot {name} differs; run with UPDATE_SNAPSHOTS=1 and review the diff"
        );
    }
}
