//! The one list of the app's commands, by area. `build.rs` reads this file
//! (as a module) to declare the commands to Tauri and to write each area's
//! capability, `src-tauri/capabilities/<area>.json`, which allows exactly the
//! area's commands to the main window and nothing else (no file system,
//! shell, network or plugin permission). The handler list in `app.rs` and
//! `ui/api.js` cannot be generated from here; the app test `command_list`
//! checks that they, the capabilities and every `#[tauri::command]` in
//! `src-tauri/commands/` name the same commands.
//!
//! Adding a command: write it in `commands/<area>.rs`, add its name below,
//! register it in `app.rs` and give it a function in `ui/api.js`.

/// The commands of one area: a module in `src-tauri/commands/` and the
/// capability file of the same name.
pub struct Area {
    /// The module (`commands::<name>`) and the capability's identifier.
    pub name: &'static str,
    /// The capability's description.
    pub description: &'static str,
    /// The commands, as the functions are named.
    pub commands: &'static [&'static str],
}

/// Every command of the app, by area.
pub const AREAS: &[Area] = &[
    Area {
        name: "settings",
        description: "Shell and settings commands for the main window. Each area has its own \
            capability file; none grants file system, shell or network access to the web view.",
        commands: &[
            "app_info",
            "settings_get",
            "programme_save",
            "goal_add",
            "goal_rename",
            "goal_set_retired",
            "goals_reorder",
            "logo_set",
            "logo_remove",
            "signatory_save",
            "signatory_remove",
            "signature_set",
            "image_data_url",
            "language_set",
            "backups_list",
            "backups_delete",
        ],
    },
    Area {
        name: "about",
        description: "The Om Sund By Partner page: version, data folder, database and schema \
            version. No file system, shell or network access for the web view.",
        commands: &["about_info"],
    },
    Area {
        name: "files",
        description: "Saving documents for the main window: the one output folder and the native \
            save dialog, opened from Rust (the web view itself has no dialog or file permission).",
        commands: &[
            "output_folder_get",
            "output_folder_save",
            "save_dialog",
            "files_open",
            "files_reveal",
        ],
    },
    Area {
        name: "partners",
        description: "Partner register commands (issue 3) for the main window.",
        commands: &[
            "partners_list",
            "partner_get",
            "partner_create",
            "partner_update",
            "partner_check",
            "partner_duplicates",
            "partner_delete",
            "partner_restore",
            "partner_erase",
            "partners_empty_bin",
            "partners_demo",
        ],
    },
    Area {
        name: "partner_io",
        description: "Partner import and export commands for the main window. The import file \
            arrives as base64 from <input type=file>; export writes into the output folder or where the save dialog chose. \
            No file system, shell or network access for the web view.",
        commands: &[
            "partner_import_preview",
            "partner_import_run",
            "partner_import_undo",
            "partner_import_batches",
            "partner_export",
        ],
    },
    Area {
        name: "diplomas",
        description: "Commands of the Diplomer view (issue 4). Opening a PDF goes through the \
            app's own commands, which only open PDFs in the diploma folder; the web view gets no \
            opener, file system or shell permission.",
        commands: &[
            "diploma_settings_get",
            "diploma_settings_save",
            "diploma_queue",
            "ceremony_list",
            "ceremony_save",
            "ceremony_selection_save",
            "diploma_preview",
            "diploma_generate",
            "diploma_mark_issued",
            "diplomas_for_partner",
            "ceremony_diplomas",
            "diploma_reprint",
        ],
    },
    Area {
        name: "events",
        description: "Events, participants, .ics, sign-in sheet and newsletter commands for the \
            main window. Files are written by the core into the output folder; the web view gets \
            no file system, shell or network access.",
        commands: &[
            "events_list",
            "event_get",
            "event_save",
            "event_delete",
            "event_partner_options",
            "event_invite_all_active",
            "event_participant_add",
            "event_participants_set_status",
            "event_participant_update",
            "event_participant_remove",
            "event_ics_save",
            "event_signin_save",
            "partner_events",
            "newsletter_start",
            "newsletter_build",
            "newsletter_draft_save",
            "newsletter_save",
            "newsletter_record",
        ],
    },
    Area {
        name: "grants",
        description: "Commands of the Pulje view (grant pool). No file system, shell or network \
            access for the web view: exports and letters are written and opened by the Rust side.",
        commands: &[
            "grants_pools",
            "grants_overview",
            "grants_pool_create",
            "grants_pool_save",
            "grants_list",
            "grants_partners",
            "grants_get",
            "grants_create",
            "grants_update",
            "grants_start_review",
            "grants_decide",
            "grants_pay",
            "grants_report",
            "grants_adjust",
            "grants_delete",
            "grants_signer_get",
            "grants_export",
            "grants_letter",
        ],
    },
    Area {
        name: "safety",
        description: "Data safety and privacy commands (issue 15) for the main window: backups, \
            restore, the data folder's location, consent history and the register extract. \
            No file system, shell or network access for the web view.",
        commands: &[
            "backups_status",
            "backup_take",
            "backup_restore",
            "backup_open_dialog",
            "backup_restore_file",
            "backup_settings_save",
            "data_location",
            "partner_consents",
            "partner_extract_save",
            "contact_extract_save",
            "retention_list",
            "retention_settings_save",
            "retention_erase",
        ],
    },
    Area {
        name: "activities",
        description: "Activity log, follow-ups, the partner's timeline and the recruitment \
            pipeline (issue 17) for the main window.",
        commands: &[
            "activity_add",
            "activity_delete",
            "follow_up_add",
            "follow_up_set_done",
            "follow_ups_for_partner",
            "follow_ups_due",
            "partner_timeline",
            "recruitment_pipeline",
        ],
    },
    Area {
        name: "overview",
        description: "The Overblik start page (issue 17) for the main window: read only.",
        commands: &["overview_get"],
    },
    Area {
        name: "reports",
        description: "Rapporter (issue 12) for the main window: figures and charts of a period, \
            the status report, the evaluations, the case for the case bank and the consultant's contact.",
        commands: &[
            "reports_view",
            "reports_highlights_save",
            "reports_export_xlsx",
            "reports_export_pdf",
            "evaluations_list",
            "evaluation_save",
            "evaluation_delete",
            "case_get",
            "case_save",
            "case_text",
            "case_export",
            "contact_get",
            "contact_save",
        ],
    },
    Area {
        name: "fair",
        description: "Fair mode (issue 13): quick sign-ups, the visitor counter and booths.",
        commands: &[
            "fair_state",
            "fair_sign_up",
            "fair_undo",
            "fair_count",
            "fair_check_in",
            "fair_set_active",
            "fair_active",
        ],
    },
    Area {
        name: "sync",
        description: "Taking a copy along and merging it back (issue 13).",
        commands: &[
            "copy_take",
            "copy_info",
            "copy_start_notice",
            "copies_list",
            "copy_files",
            "copy_open_dialog",
            "merge_preview",
            "merge_apply",
            "merge_history_partner",
            "merge_history_event",
            "copy_open",
            "copy_close",
        ],
    },
    Area {
        name: "awards",
        description: "Commands of the Priser view (award rounds, nominations, scoring, the vote, \
            winners and their diplomas). Files are written by the Rust side only.",
        commands: &[
            "awards_rounds",
            "awards_round",
            "awards_round_create",
            "awards_round_update",
            "awards_round_status",
            "awards_prize_save",
            "awards_prize_remove",
            "awards_member_add",
            "awards_member_remove",
            "awards_partners",
            "awards_nominate",
            "awards_nomination_update",
            "awards_nomination_remove",
            "awards_photo_set",
            "awards_photo_remove",
            "awards_photo_data_url",
            "awards_scores_set",
            "awards_votes_set",
            "awards_votes_import",
            "awards_vote_text",
            "awards_ballot_cast",
            "awards_decide",
            "awards_diploma_preview",
            "awards_diploma_issue",
            "awards_for_partner",
            "awards_catalogue_save",
            "awards_scoring_sheet_save",
        ],
    },
    // ── publications (issue 14) ──
    Area {
        name: "publications",
        description: "Publikationer: the inspiration catalogue and the partner pages for the website.",
        commands: &[
            "publications_start",
            "publication_text_save",
            "catalogue_save",
            "webpages_export",
            "welcome_build",
            "welcome_save",
            "welcome_record_sent",
        ],
    },
];

/// Every command, area by area, in the order above.
pub fn all() -> impl Iterator<Item = &'static str> {
    AREAS.iter().flat_map(|a| a.commands.iter().copied())
}

/// The capability permission that allows a command: `allow-` and the name
/// with dashes (`partner_get` → `allow-partner-get`).
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// The capability file of an area, as committed in `src-tauri/capabilities/`:
/// the main window may call the area's commands and nothing else.
pub fn capability_json(area: &Area) -> String {
    let permissions: Vec<String> = area
        .commands
        .iter()
        .map(|c| format!("    {}", json_string(&permission(c))))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../../gen/schemas/desktop-schema.json\",\n  \"identifier\": {},\n  \
         \"description\": {},\n  \"windows\": [\"main\"],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        json_string(area.name),
        json_string(area.description),
        permissions.join(",\n")
    )
}

/// A JSON string literal (the names and descriptions above hold no control
/// characters; quotes and backslashes are escaped all the same).
fn json_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
