//! The static HTML dashboard: an overview with one card per goal, a page per
//! goal listing its indicators, and a page per indicator with the "Framdrift
//! mot 2030" chart, the figures, breakdowns, assessment, definition and
//! provenance. Plain HTML and one stylesheet; no scripts, no external
//! resources, no timestamps, so the same inputs give the same bytes.

mod chart;
mod style;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::assessment::{self, Assessment, Method, Rollup, Status};
use crate::cli::Lang;
use crate::definitions::{
    AmbitionDef, Catalogue, Frequency, GOALS, Granularity, Indicator, IndicatorType, Level,
    Readiness, goal_name,
};
use crate::measures::{Figure, SourceFile};
use crate::period::Period;

/// Everything the dashboard shows.
pub struct Site<'a> {
    /// The definitions (goals, indicators, source names).
    pub catalogue: &'a Catalogue,
    /// Page language.
    pub lang: Lang,
    /// The quarter shown (`2026Q2`), or `None` for the latest figures.
    pub quarter: Option<String>,
    /// Breakdown cells with fewer units than this were suppressed.
    pub suppress_below: u64,
    /// One entry per indicator, in catalogue order.
    pub entries: Vec<Entry<'a>>,
}

/// One indicator after a run, as the dashboard shows it.
pub struct Entry<'a> {
    /// The definition.
    pub indicator: &'a Indicator,
    /// Figures up to the period shown: national and per breakdown group.
    pub figures: Vec<&'a Figure>,
    /// Files the figures were computed from.
    pub files: &'a [SourceFile],
    /// Definition file, version and hash.
    pub definition: Option<&'a str>,
    /// Notes on rows left out and why.
    pub notes: &'a [String],
    /// Why the indicator could not be computed.
    pub error: Option<&'a str>,
    /// The national assessment.
    pub assessment: Option<&'a Assessment>,
    /// Assessments per group for an ambition that applies per breakdown.
    pub regional: &'a [(String, Assessment)],
    /// The figure reported and the one before it.
    pub current: Option<&'a Figure>,
    /// The figure before the current one.
    pub previous: Option<&'a Figure>,
    /// Whether the current figure is older than the frequency allows.
    pub stale: bool,
    /// Component statuses of a composite.
    pub components: &'a [(String, Status)],
    /// The ambition in one line.
    pub ambition: String,
    /// Freshness in words (`fersk`, `utdatert (18 mnd)`, `planlagt`).
    pub freshness: String,
    /// The status shown.
    pub status: Status,
}

/// Renders the site: `(file name, bytes)` for `index.html`, `style.css`,
/// `goal-<g>.html` per goal and `indicator-<id>.html` per indicator.
pub fn render(site: &Site<'_>) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![
        ("index.html".to_string(), overview(site).into_bytes()),
        ("style.css".to_string(), style::CSS.as_bytes().to_vec()),
    ];
    for (code, _, _) in GOALS {
        let entries = goal_entries(site, code);
        if entries.is_empty() {
            continue;
        }
        files.push((
            goal_file(code),
            goal_page(site, code, &entries).into_bytes(),
        ));
    }
    for e in &site.entries {
        files.push((
            indicator_file(e.indicator.id()),
            indicator_page(site, e).into_bytes(),
        ));
    }
    files
}

/// Norwegian or English text.
pub(super) fn tr(en: bool, nb: &'static str, eng: &'static str) -> &'static str {
    if en { eng } else { nb }
}

/// Escapes text for HTML (content and attribute values).
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A value with its confidence interval, e.g. `71,2 % (95 % KI 68,0–74,3 %)`.
pub(super) fn value_with_ci(value: f64, ci: Option<(f64, f64)>, unit: &str, lang: Lang) -> String {
    let v = crate::output::number(Some(value), unit, lang);
    match ci {
        Some((l, h)) => format!(
            "{v} ({} {}–{})",
            tr(lang == Lang::En, "95 % KI", "95 % CI"),
            crate::output::number(Some(l), unit, lang),
            crate::output::number(Some(h), unit, lang)
        ),
        None => v,
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

fn goal_file(code: &str) -> String {
    format!("goal-{code}.html")
}

fn indicator_file(id: &str) -> String {
    format!("indicator-{id}.html")
}

fn goal_entries<'s, 'a>(site: &'s Site<'a>, code: &str) -> Vec<&'s Entry<'a>> {
    site.entries
        .iter()
        .filter(|e| e.indicator.goal == code)
        .collect()
}

fn goal_label(code: &str, en: bool) -> String {
    format!("{} {code}", tr(en, "Mål", "Goal"))
}

/// The symbol shown before a status text (a supplement to the words).
fn symbol(status: Status) -> &'static str {
    match status {
        Status::Achieved => "✔",
        Status::OnTrack => "●",
        Status::Moderate => "◐",
        Status::Limited => "○",
        Status::Deterioration => "✖",
        Status::NoAmbition => "–",
        Status::InsufficientData => "?",
    }
}

/// What a status means, for the legend.
fn meaning(status: Status, en: bool) -> &'static str {
    match status {
        Status::Achieved => tr(en, "Målet er nådd.", "The target is met."),
        Status::OnTrack => tr(
            en,
            "Framdriften er minst 95 % av det som kreves for å nå målet i tide.",
            "Progress is at least 95 % of what is needed to reach the target in time.",
        ),
        Status::Moderate => tr(
            en,
            "60–95 % av påkrevd framdrift: det går riktig vei, men må gå raskere.",
            "60–95 % of the required progress: the right way, but too slowly.",
        ),
        Status::Limited => tr(
            en,
            "Under 60 % av påkrevd framdrift, eller ingen endring.",
            "Below 60 % of the required progress, or no change.",
        ),
        Status::Deterioration => tr(
            en,
            "Utviklingen går bort fra målet.",
            "Moving away from the target.",
        ),
        Status::NoAmbition => tr(
            en,
            "Indikatoren har ingen ambisjon; bare utviklingen vises.",
            "The indicator has no ambition; only the trend is shown.",
        ),
        Status::InsufficientData => tr(
            en,
            "For få tall til å vurdere framdriften.",
            "Too few figures to judge progress.",
        ),
    }
}

/// A status as symbol plus text, coloured by class.
fn badge(status: Status, lang: Lang, extra: &str) -> String {
    format!(
        "<span class=\"status st-{}\"><span class=\"sym\" aria-hidden=\"true\">{}</span> {}{}</span>",
        status.as_str(),
        symbol(status),
        esc(status.label(lang_code(lang))),
        esc(extra)
    )
}

/// The status text of an entry with its qualifiers.
fn status_words(e: &Entry<'_>, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut s = e.status.label(lang_code(lang)).to_string();
    s.push_str(&status_extra(e, en));
    s
}

fn status_extra(e: &Entry<'_>, en: bool) -> String {
    if e.error.is_some() {
        return tr(en, " (kunne ikke beregnes)", " (could not be computed)").to_string();
    }
    if e.assessment
        .is_some_and(|a| a.ci_spans_categories.len() > 1)
    {
        return tr(en, " (KI spenner kategorier)", " (CI spans categories)").to_string();
    }
    String::new()
}

fn level_short(level: Level, en: bool) -> &'static str {
    match level {
        Level::Strategic => tr(en, "strategisk", "strategic"),
        Level::Support => tr(en, "støtte", "support"),
    }
}

fn level_text(level: Level, en: bool) -> &'static str {
    match level {
        Level::Strategic => tr(en, "strategisk", "strategic"),
        Level::Support => tr(en, "støtteindikator", "support"),
    }
}

fn type_text(kind: IndicatorType, en: bool) -> &'static str {
    match kind {
        IndicatorType::Structure => tr(en, "struktur", "structure"),
        IndicatorType::Process => tr(en, "prosess", "process"),
        IndicatorType::Effect => tr(en, "effekt", "effect"),
    }
}

fn readiness_text(r: Readiness, en: bool) -> &'static str {
    match r {
        Readiness::Ready => tr(en, "klar", "ready"),
        Readiness::InDevelopment => tr(en, "under utvikling", "in development"),
        Readiness::Planned => tr(en, "planlagt", "planned"),
    }
}

fn frequency_text(f: Frequency, en: bool) -> &'static str {
    match f {
        Frequency::Annual => tr(en, "årlig", "annual"),
        Frequency::Quarterly => tr(en, "kvartalsvis", "quarterly"),
        Frequency::Monthly => tr(en, "månedlig", "monthly"),
        Frequency::Continuous => tr(en, "løpende", "continuous"),
    }
}

fn unit_text(unit: &str, en: bool) -> String {
    match unit {
        "percent" => tr(en, "prosent", "percent").into(),
        "count" => tr(en, "antall", "count").into(),
        "days" => tr(en, "dager", "days").into(),
        "nok" => tr(en, "kroner", "Norwegian kroner").into(),
        "score" => tr(en, "skår", "score").into(),
        "stage" => tr(en, "trinn", "stage").into(),
        "status" => tr(en, "status (milepæl)", "status (milestone)").into(),
        u => u.to_string(),
    }
}

/// Milestone status words.
fn milestone_text(text: &str, en: bool) -> String {
    match text {
        "not-started" => tr(en, "ikke startet", "not started").into(),
        "in-progress" => tr(en, "pågår", "in progress").into(),
        "at-risk" => tr(en, "i fare", "at risk").into(),
        "delayed" => tr(en, "forsinket", "delayed").into(),
        "completed" => tr(en, "fullført", "completed").into(),
        t => t.to_string(),
    }
}

fn breakdown_title(b: &str, en: bool) -> String {
    match b {
        "region" => tr(en, "Helseregion", "Health region").into(),
        "county" => tr(en, "Fylke", "County").into(),
        "municipality" => tr(en, "Kommune", "Municipality").into(),
        "aldersgruppe" => tr(en, "Aldersgruppe", "Age group").into(),
        "kjonn" => tr(en, "Kjønn", "Sex").into(),
        "yrkesgruppe" => tr(en, "Yrkesgruppe", "Occupation").into(),
        "tjenesteniva" => tr(en, "Tjenestenivå", "Service level").into(),
        "virksomhetstype" => tr(en, "Virksomhetstype", "Type of organisation").into(),
        "naeringskode" => tr(en, "Næringskode", "Industry code").into(),
        "teknologi" => tr(en, "Teknologi", "Technology").into(),
        "soknadstype" => tr(en, "Søknadstype", "Application type").into(),
        "omraade" => tr(en, "Område", "Area").into(),
        "kategori" => tr(en, "Kategori", "Category").into(),
        "register" => "Register".into(),
        "svar" => tr(en, "Svar", "Answer").into(),
        other => {
            let mut c = other.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        }
    }
}

/// A figure's value for people: milestone text, number, or `–`.
fn shown(f: Option<&Figure>, unit: &str, lang: Lang) -> String {
    match f {
        None => "–".to_string(),
        Some(f) => match &f.text {
            Some(t) => milestone_text(t, lang == Lang::En),
            None => crate::output::number(f.value, unit, lang),
        },
    }
}

/// Change from the previous figure (percentage points for percentages).
fn change(e: &Entry<'_>, lang: Lang) -> Option<String> {
    let c = e.current.and_then(|f| f.value)?;
    let p = e.previous.and_then(|f| f.value)?;
    let d = c - p;
    let unit = match e.indicator.unit.as_str() {
        "percent" => "percentage-points",
        u => u,
    };
    let s = crate::output::number(Some(d), unit, lang);
    Some(if d > 0.0 { format!("+{s}") } else { s })
}

/// The shared page frame.
fn page(site: &Site<'_>, title: &str, here: &str, body: &str) -> String {
    let en = site.lang == Lang::En;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"ehelse {}\">\n\
         <title>{} – {}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">{}</a>\n",
        lang_code(site.lang),
        env!("CARGO_PKG_VERSION"),
        esc(title),
        tr(en, "Nasjonal e-helsestrategi", "National e-health strategy"),
        tr(en, "Hopp til innholdet", "Skip to content"),
    );
    let _ = write!(
        s,
        "<header class=\"site-header\">\n<div class=\"wrap\">\n<p class=\"site-title\"><a href=\"index.html\">{}</a></p>\n<p class=\"site-sub\">{} · {}</p>\n</div>\n",
        tr(
            en,
            "Nasjonal e-helsestrategi 2023–2030",
            "National e-health strategy 2023–2030"
        ),
        tr(
            en,
            "Indikatorer og framdrift mot 2030",
            "Indicators and progress towards 2030"
        ),
        esc(&period_words(site))
    );
    let _ = write!(
        s,
        "<nav class=\"goals-nav\" aria-label=\"{}\">\n<ul class=\"wrap\">\n",
        tr(en, "Mål", "Goals")
    );
    let current = |file: &str| {
        if file == here {
            " aria-current=\"page\""
        } else {
            ""
        }
    };
    let _ = writeln!(
        s,
        "<li><a href=\"index.html\"{}>{}</a></li>",
        current("index.html"),
        tr(en, "Oversikt", "Overview")
    );
    for (code, _, _) in GOALS {
        if goal_entries(site, code).is_empty() {
            continue;
        }
        let file = goal_file(code);
        let _ = writeln!(
            s,
            "<li><a href=\"{file}\"{}>{}</a></li>",
            current(&file),
            esc(&goal_label(code, en))
        );
    }
    s.push_str("</ul>\n</nav>\n</header>\n<main id=\"main\" class=\"wrap\">\n");
    s.push_str(body);
    let _ = write!(
        s,
        "</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>{} ehelse {}. {}</p>\n</div>\n</footer>\n</body>\n</html>\n",
        tr(en, "Laget med", "Made with"),
        env!("CARGO_PKG_VERSION"),
        tr(
            en,
            "Statusen følger metoden i docs/methodology.md: framdrift måles mot den rette linjen (eller jevn vekst) fra utgangspunktet til målet.",
            "Statuses follow docs/methodology.md: progress is measured against the straight line (or steady growth) from the baseline to the target."
        )
    );
    s
}

fn period_words(site: &Site<'_>) -> String {
    let en = site.lang == Lang::En;
    match &site.quarter {
        Some(q) => format!("{} {q}", tr(en, "Status per", "Status as of")),
        None => tr(en, "Siste tilgjengelige tall", "Latest available figures").to_string(),
    }
}

fn counts(statuses: &[Status]) -> BTreeMap<Status, usize> {
    let mut m = BTreeMap::new();
    for s in statuses {
        *m.entry(*s).or_insert(0) += 1;
    }
    m
}

/// Counts per status as a list, with a proportional bar (decoration only).
fn counts_html(statuses: &[Status], lang: Lang) -> String {
    let en = lang == Lang::En;
    let c = counts(statuses);
    let total = statuses.len().max(1);
    let mut s = String::from("<div class=\"bar\" aria-hidden=\"true\">");
    for (st, n) in &c {
        let _ = write!(
            s,
            "<span class=\"st-{}\" style=\"width:{:.2}%\"></span>",
            st.as_str(),
            *n as f64 * 100.0 / total as f64
        );
    }
    let _ = write!(
        s,
        "</div><ul class=\"counts\" aria-label=\"{}\">",
        tr(en, "Indikatorer per status", "Indicators per status")
    );
    for (st, n) in &c {
        let _ = write!(
            s,
            "<li>{} <span class=\"n\">{n}</span></li>",
            badge(*st, lang, "")
        );
    }
    s.push_str("</ul>");
    s
}

fn overview(site: &Site<'_>) -> String {
    let en = site.lang == Lang::En;
    let mut b = String::new();
    let all: Vec<Status> = site.entries.iter().map(|e| e.status).collect();
    let _ = write!(
        b,
        "<h1>{}</h1>\n<p class=\"lead\">{}</p>\n",
        tr(
            en,
            "Status for indikatorene i Nasjonal e-helsestrategi",
            "Status of the indicators of the national e-health strategy"
        ),
        esc(&if en {
            format!(
                "{} indicators under {} goals. {}. Each goal's status is the mean score of its indicators that have an ambition (achieved 4, on track 3, moderate 2, limited 1, deterioration 0), rounded to the nearest category.",
                site.entries.len(),
                GOALS
                    .iter()
                    .filter(|(c, _, _)| !goal_entries(site, c).is_empty())
                    .count(),
                period_words(site)
            )
        } else {
            format!(
                "{} indikatorer under {} mål. {}. Statusen for et mål er snittskåren av indikatorene som har en ambisjon (nådd 4, i rute 3, moderat 2, begrenset 1, forverring 0), avrundet til nærmeste kategori.",
                site.entries.len(),
                GOALS
                    .iter()
                    .filter(|(c, _, _)| !goal_entries(site, c).is_empty())
                    .count(),
                period_words(site)
            )
        })
    );
    let _ = write!(
        b,
        "<section class=\"summary\" aria-labelledby=\"all-h\">\n<h2 id=\"all-h\">{}</h2>\n{}\n</section>\n",
        tr(en, "Alle indikatorer", "All indicators"),
        counts_html(&all, site.lang)
    );
    let _ = write!(
        b,
        "<section aria-labelledby=\"goals-h\">\n<h2 id=\"goals-h\">{}</h2>\n<ul class=\"cards\">\n",
        tr(en, "Mål", "Goals")
    );
    for (g, _, _) in GOALS {
        let entries = goal_entries(site, g);
        if entries.is_empty() {
            continue;
        }
        let statuses: Vec<Status> = entries.iter().map(|e| e.status).collect();
        let rolled = assessment::rollup(&statuses, Rollup::MeanScore);
        let strategic = entries
            .iter()
            .filter(|e| e.indicator.level == Level::Strategic)
            .count();
        let _ = write!(
            b,
            "<li class=\"card st-border-{}\">\n<h3><a href=\"{}\"><span class=\"goal-code\">{}</span> {}</a></h3>\n\
             <p class=\"rollup\"><span class=\"visually-hidden\">{}: </span>{}</p>\n\
             <p class=\"card-meta\">{}</p>\n{}\n</li>\n",
            rolled.as_str(),
            goal_file(g),
            esc(&goal_label(g, en)),
            esc(goal_name(g, en).unwrap_or("")),
            tr(en, "Status for målet", "Goal status"),
            badge(rolled, site.lang, ""),
            esc(&if en {
                format!(
                    "{} indicator{}, {strategic} strategic",
                    entries.len(),
                    if entries.len() == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{} indikator{}, {strategic} {}",
                    entries.len(),
                    if entries.len() == 1 { "" } else { "er" },
                    if strategic == 1 {
                        "strategisk"
                    } else {
                        "strategiske"
                    }
                )
            }),
            counts_html(&statuses, site.lang)
        );
    }
    b.push_str("</ul>\n</section>\n");
    let _ = write!(
        b,
        "<section aria-labelledby=\"legend-h\">\n<h2 id=\"legend-h\">{}</h2>\n<dl class=\"status-legend\">\n",
        tr(en, "Hva statusene betyr", "What the statuses mean")
    );
    for st in Status::ALL {
        let _ = writeln!(
            b,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            badge(st, site.lang, ""),
            esc(meaning(st, en))
        );
    }
    b.push_str("</dl>\n</section>\n");
    page(site, tr(en, "Oversikt", "Overview"), "index.html", &b)
}

fn goal_page(site: &Site<'_>, code: &str, entries: &[&Entry<'_>]) -> String {
    let en = site.lang == Lang::En;
    let lang = site.lang;
    let statuses: Vec<Status> = entries.iter().map(|e| e.status).collect();
    let rolled = assessment::rollup(&statuses, Rollup::MeanScore);
    let name = goal_name(code, en).unwrap_or("");
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<nav class=\"crumbs\" aria-label=\"{}\"><ol><li><a href=\"index.html\">{}</a></li><li aria-current=\"page\">{}</li></ol></nav>",
        tr(en, "Brødsmuler", "Breadcrumbs"),
        tr(en, "Oversikt", "Overview"),
        esc(&goal_label(code, en))
    );
    let _ = write!(
        b,
        "<h1><span class=\"goal-code\">{}</span> {}</h1>\n<p class=\"rollup\">{}: {}</p>\n{}\n",
        esc(&goal_label(code, en)),
        esc(name),
        tr(
            en,
            "Status for målet (snittskår)",
            "Goal status (mean score)"
        ),
        badge(rolled, lang, ""),
        counts_html(&statuses, lang)
    );
    let heads: [&str; 9] = if en {
        [
            "Indicator",
            "Level",
            "Type",
            "Readiness",
            "Period",
            "Value",
            "Ambition",
            "Status",
            "Freshness",
        ]
    } else {
        [
            "Indikator",
            "Nivå",
            "Type",
            "Modenhet",
            "Periode",
            "Verdi",
            "Ambisjon",
            "Status",
            "Ferskhet",
        ]
    };
    let _ = write!(
        b,
        "<div class=\"table-wrap\"><table class=\"stack indicators\">\n<caption>{}</caption>\n<thead><tr>",
        esc(&if en {
            format!(
                "Indicators of goal {code}, {}",
                period_words(site).to_lowercase()
            )
        } else {
            format!(
                "Indikatorene under mål {code}, {}",
                period_words(site).to_lowercase()
            )
        })
    );
    for h in heads {
        let _ = write!(b, "<th scope=\"col\">{h}</th>");
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    // Strategic indicators first, each group in catalogue order.
    let mut rows: Vec<&&Entry<'_>> = entries.iter().collect();
    rows.sort_by_key(|e| e.indicator.level != Level::Strategic);
    for e in rows {
        let ind = e.indicator;
        let unit = ind.unit.as_str();
        let _ = write!(
            b,
            "<tr><th scope=\"row\" data-label=\"{}\"><a href=\"{}\">{}</a>{}</th>",
            heads[0],
            indicator_file(ind.id()),
            esc(ind.name(en)),
            ind.number.as_ref().map_or(String::new(), |n| format!(
                " <span class=\"num\">({})</span>",
                esc(n)
            ))
        );
        let stale_class = if e.stale { " class=\"stale\"" } else { "" };
        let _ = writeln!(
            b,
            "<td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td>\
             <td data-label=\"{}\">{}</td><td data-label=\"{}\" class=\"val\">{}</td><td data-label=\"{}\" class=\"amb\">{}</td>\
             <td data-label=\"{}\">{}</td><td data-label=\"{}\"{stale_class}>{}</td></tr>",
            heads[1],
            level_short(ind.level, en),
            heads[2],
            type_text(ind.kind, en),
            heads[3],
            readiness_text(ind.readiness, en),
            heads[4],
            e.current.map_or("–", |f| f.period.as_str()),
            heads[5],
            esc(&shown(e.current, unit, lang)),
            heads[6],
            esc(&e.ambition),
            heads[7],
            badge(e.status, lang, &status_extra(e, en)),
            heads[8],
            esc(&freshness_words(e)),
        );
    }
    b.push_str("</tbody>\n</table></div>\n");
    page(site, &goal_label(code, en), &goal_file(code), &b)
}

fn freshness_words(e: &Entry<'_>) -> String {
    if e.stale {
        format!("⚠ {}", e.freshness)
    } else {
        e.freshness.clone()
    }
}

fn indicator_page(site: &Site<'_>, e: &Entry<'_>) -> String {
    let en = site.lang == Lang::En;
    let lang = site.lang;
    let ind = e.indicator;
    let unit = ind.unit.as_str();
    let name = ind.name(en);
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<nav class=\"crumbs\" aria-label=\"{}\"><ol><li><a href=\"index.html\">{}</a></li><li><a href=\"{}\">{}</a></li><li aria-current=\"page\">{}</li></ol></nav>",
        tr(en, "Brødsmuler", "Breadcrumbs"),
        tr(en, "Oversikt", "Overview"),
        goal_file(&ind.goal),
        esc(&goal_label(&ind.goal, en)),
        esc(name)
    );
    let _ = write!(
        b,
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · {} · {} · {}{}</p>\n",
        esc(name),
        esc(&format!(
            "{} {}",
            goal_label(&ind.goal, en),
            goal_name(&ind.goal, en).unwrap_or("")
        )),
        level_text(ind.level, en),
        type_text(ind.kind, en),
        readiness_text(ind.readiness, en),
        frequency_text(ind.frequency, en),
        ind.number.as_ref().map_or(String::new(), |n| format!(
            " · {} {}",
            tr(en, "nr.", "no."),
            esc(n)
        ))
    );
    let _ = writeln!(
        b,
        "<p class=\"status-line\">{}</p>",
        badge(e.status, lang, &status_extra(e, en))
    );

    // Key figures.
    let a = e.assessment;
    let mut key: Vec<(String, String)> = Vec::new();
    if e.current.is_some() || e.components.is_empty() {
        key.push((
            tr(en, "Siste verdi", "Latest value").into(),
            match e.current {
                Some(f) => format!(
                    "{} <span class=\"sub\">({})</span>",
                    esc(&match (f.value, f.text.as_ref()) {
                        (Some(v), None) => value_with_ci(v, f.ci_low.zip(f.ci_high), unit, lang),
                        _ => shown(Some(f), unit, lang),
                    }),
                    esc(&f.period)
                ),
                None => "–".into(),
            },
        ));
    }
    if let Some(c) = change(e, lang) {
        key.push((
            tr(en, "Endring fra forrige", "Change from previous").into(),
            format!(
                "{} <span class=\"sub\">({})</span>",
                esc(&c),
                esc(e.previous.map_or("", |f| f.period.as_str()))
            ),
        ));
    }
    key.push((tr(en, "Ambisjon", "Ambition").into(), esc(&e.ambition)));
    if let Some(r) = a.and_then(|a| a.required_now) {
        key.push((
            tr(en, "Påkrevd nå", "Required now").into(),
            esc(&crate::output::number(Some(r), unit, lang)),
        ));
    }
    if let Some(p) = a.and_then(|a| a.projection.as_ref())
        && let Some(v) = p.value_at_deadline
    {
        let when = p.reaches_target_in.as_ref().map_or_else(
            || tr(en, "når ikke målet", "does not reach the target").to_string(),
            |w| format!("{} {w}", tr(en, "når målet", "reaches the target in")),
        );
        key.push((
            tr(en, "Trend ved fristen", "Trend at the deadline").into(),
            format!(
                "{} <span class=\"sub\">({})</span>",
                esc(&crate::output::number(Some(v), unit, lang)),
                esc(&when)
            ),
        ));
    }
    key.push((
        tr(en, "Ferskhet", "Freshness").into(),
        esc(&freshness_words(e)),
    ));
    b.push_str("<dl class=\"key\">\n");
    for (k, v) in &key {
        let _ = writeln!(b, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    }
    b.push_str("</dl>\n");

    if let Some(err) = e.error {
        let _ = writeln!(
            b,
            "<section class=\"error\" aria-labelledby=\"err-h\"><h2 id=\"err-h\">{}</h2><p lang=\"en\"><code>{}</code></p></section>",
            tr(en, "Kunne ikke beregnes", "Could not be computed"),
            esc(err)
        );
    }

    let national: Vec<&Figure> = e
        .figures
        .iter()
        .copied()
        .filter(|f| f.breakdown.is_empty())
        .collect();

    // The chart.
    let _ = write!(
        b,
        "<section aria-labelledby=\"chart-h\">\n<h2 id=\"chart-h\">{}</h2>\n",
        tr(en, "Framdrift mot 2030", "Progress towards 2030")
    );
    let status_text = status_words(e, lang);
    match chart::figure(&chart::ChartInput {
        indicator: ind,
        national: &national,
        assessment: a,
        status: &status_text,
        lang,
    }) {
        Some(fig) => b.push_str(&fig),
        None => {
            let note = if !e.components.is_empty() {
                tr(
                    en,
                    "Sammensatt indikator: statusen er satt sammen av komponentene nedenfor, så det er ingen egen tidsserie.",
                    "Composite indicator: its status combines the components below, so there is no series of its own.",
                )
            } else if national.iter().any(|f| f.text.is_some()) {
                tr(
                    en,
                    "Milepælsindikator: statusen er en tekst per periode (tabellen nedenfor), så det er ingen kurve.",
                    "Milestone indicator: the status is a text per period (table below), so there is no curve.",
                )
            } else if ind.readiness == Readiness::Planned {
                tr(
                    en,
                    "Indikatoren er planlagt; det finnes ingen tall ennå.",
                    "The indicator is planned; there are no figures yet.",
                )
            } else {
                tr(
                    en,
                    "Ingen tall å vise for perioden.",
                    "No figures to show for the period.",
                )
            };
            let _ = writeln!(b, "<p class=\"note\">{note}</p>");
        }
    }
    b.push_str("</section>\n");

    if !e.components.is_empty() {
        let _ = write!(
            b,
            "<section aria-labelledby=\"comp-h\">\n<h2 id=\"comp-h\">{}</h2>\n<ul class=\"components\">\n",
            tr(en, "Komponenter", "Components")
        );
        for (id, st) in e.components {
            let label = site
                .catalogue
                .indicator(id)
                .map_or(id.as_str(), |i| i.name(en));
            let _ = writeln!(
                b,
                "<li><a href=\"{}\">{}</a> {}</li>",
                indicator_file(id),
                esc(label),
                badge(*st, lang, "")
            );
        }
        b.push_str("</ul>\n</section>\n");
    }

    if !national.is_empty() {
        b.push_str(&series_table(e, &national, lang));
    }
    b.push_str(&breakdowns(site, e));
    if let Some(a) = a {
        b.push_str(&assessment_section(e, a, lang));
    }
    b.push_str(&definition_section(site, e));
    b.push_str(&provenance_section(e, en));
    page(site, name, &indicator_file(ind.id()), &b)
}

/// Month or quarter figures without intervals as a year × month (quarter)
/// grid; `None` when the series does not suit one.
fn series_grid(e: &Entry<'_>, national: &[&Figure], lang: Lang) -> Option<String> {
    let en = lang == Lang::En;
    let unit = e.indicator.unit.as_str();
    if national.len() <= 8 || national.iter().any(|f| f.ci_low.is_some()) {
        return None;
    }
    let periods: Vec<Period> = national
        .iter()
        .map(|f| Period::parse(&f.period))
        .collect::<Option<_>>()?;
    let g = periods.first()?.granularity;
    let columns: Vec<String> = match g {
        Granularity::Month => (1..=12)
            .map(|m| {
                let nb = [
                    "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov",
                    "des",
                ];
                let eng = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                (if en { eng } else { nb })[m - 1].to_string()
            })
            .collect(),
        Granularity::Quarter => (1..=4).map(|q| format!("Q{q}")).collect(),
        _ => return None,
    };
    if periods.iter().any(|p| p.granularity != g) {
        return None;
    }
    let mut s = String::new();
    let _ = write!(
        s,
        "<section aria-labelledby=\"series-h\">\n<h2 id=\"series-h\">{}</h2>\n<div class=\"table-wrap\"><table class=\"series grid\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        tr(en, "Tall per periode", "Figures per period"),
        esc(&format!(
            "{}, {} ({}), {}",
            e.indicator.name(en),
            tr(en, "hele landet", "national"),
            unit_text(unit, en),
            if g == Granularity::Month {
                tr(en, "per måned", "by month")
            } else {
                tr(en, "per kvartal", "by quarter")
            }
        )),
        tr(en, "År", "Year")
    );
    for c in &columns {
        let _ = write!(s, "<th scope=\"col\" class=\"val\">{c}</th>");
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    let (first, last) = (periods.first()?.year, periods.last()?.year);
    for year in first..=last {
        let _ = write!(s, "<tr><th scope=\"row\">{year}</th>");
        for sub in 1..=columns.len() {
            let cell = national
                .iter()
                .zip(&periods)
                .find(|(_, p)| p.year == year && p.sub as usize == sub)
                .map_or_else(|| "–".to_string(), |(f, _)| shown(Some(f), unit, lang));
            let _ = write!(s, "<td class=\"val\">{}</td>", esc(&cell));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table></div>\n</section>\n");
    Some(s)
}

fn series_table(e: &Entry<'_>, national: &[&Figure], lang: Lang) -> String {
    if let Some(grid) = series_grid(e, national, lang) {
        return grid;
    }
    let en = lang == Lang::En;
    let unit = e.indicator.unit.as_str();
    let any_ci = national.iter().any(|f| f.ci_low.is_some());
    // The base is worth a column when it says something: not for a single
    // reported row or a milestone.
    let any_n = national
        .iter()
        .any(|f| f.n.is_some_and(|n| n > 1) && f.text.is_none());
    let mut s = String::new();
    let _ = write!(
        s,
        "<section aria-labelledby=\"series-h\">\n<h2 id=\"series-h\">{}</h2>\n<div class=\"table-wrap\"><table class=\"series\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"val\">{}</th>",
        tr(en, "Tall per periode", "Figures per period"),
        esc(&format!(
            "{}, {} ({})",
            e.indicator.name(en),
            tr(en, "hele landet", "national"),
            unit_text(unit, en)
        )),
        tr(en, "Periode", "Period"),
        tr(en, "Verdi", "Value")
    );
    if any_ci {
        let _ = write!(
            s,
            "<th scope=\"col\" class=\"val\">{}</th>",
            tr(en, "95 % konfidensintervall", "95 % confidence interval")
        );
    }
    if any_n {
        let _ = write!(
            s,
            "<th scope=\"col\" class=\"val\">{}</th>",
            tr(en, "Grunnlag (n)", "Base (n)")
        );
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for f in national {
        let _ = write!(
            s,
            "<tr><th scope=\"row\">{}</th><td class=\"val\">{}</td>",
            esc(&f.period),
            esc(&shown(Some(f), unit, lang))
        );
        if any_ci {
            let _ = write!(
                s,
                "<td class=\"val\">{}</td>",
                match (f.ci_low, f.ci_high) {
                    (Some(l), Some(h)) => esc(&format!(
                        "{}–{}",
                        crate::output::number(Some(l), unit, lang),
                        crate::output::number(Some(h), unit, lang)
                    )),
                    _ => "–".into(),
                }
            );
        }
        if any_n {
            let _ = write!(
                s,
                "<td class=\"val\">{}</td>",
                f.n.map_or("–".to_string(), |n| crate::output::number(
                    Some(n as f64),
                    "count",
                    lang
                ))
            );
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table></div>\n</section>\n");
    s
}

fn breakdowns(site: &Site<'_>, e: &Entry<'_>) -> String {
    let en = site.lang == Lang::En;
    let lang = site.lang;
    let unit = e.indicator.unit.as_str();
    let mut order: Vec<&str> = Vec::new();
    for b in e
        .indicator
        .breakdowns
        .iter()
        .map(String::as_str)
        .chain(e.figures.iter().map(|f| f.breakdown.as_str()))
    {
        if !b.is_empty() && !order.contains(&b) && e.figures.iter().any(|f| f.breakdown == b) {
            order.push(b);
        }
    }
    if order.is_empty() {
        return String::new();
    }
    let per = match &e.indicator.ambition {
        AmbitionDef::Target { per, .. } => per.as_deref(),
        AmbitionDef::None(_) => None,
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<section aria-labelledby=\"bd-h\">\n<h2 id=\"bd-h\">{}</h2>\n",
        tr(en, "Fordelinger", "Breakdowns")
    );
    let mut any_suppressed = false;
    for (i, bd) in order.iter().enumerate() {
        let figs: Vec<&Figure> = e
            .figures
            .iter()
            .copied()
            .filter(|f| f.breakdown == *bd)
            .collect();
        let mut periods: Vec<&str> = Vec::new();
        for f in &figs {
            if !periods.contains(&f.period.as_str()) {
                periods.push(&f.period);
            }
        }
        periods.sort_by_key(|p| Period::parse(p));
        let periods: Vec<&str> = periods[periods.len().saturating_sub(5)..].to_vec();
        let mut groups: Vec<&str> = Vec::new();
        for f in &figs {
            if !groups.contains(&f.group.as_str()) {
                groups.push(&f.group);
            }
        }
        let regional = per == Some(*bd) && !e.regional.is_empty();
        let title = breakdown_title(bd, en);
        let _ = write!(
            s,
            "<h3 id=\"bd-{i}\">{}</h3>\n<div class=\"table-wrap\"><table class=\"breakdown\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(&title),
            esc(&format!(
                "{}: {} ({})",
                e.indicator.name(en),
                if en {
                    format!("by {}", title.to_lowercase())
                } else {
                    format!("etter {}", title.to_lowercase())
                },
                unit_text(unit, en)
            )),
            esc(&title)
        );
        for p in &periods {
            let _ = write!(s, "<th scope=\"col\" class=\"val\">{}</th>", esc(p));
        }
        if regional {
            let _ = write!(
                s,
                "<th scope=\"col\">{}</th>",
                tr(en, "Status mot målet", "Status against the target")
            );
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        for g in &groups {
            let _ = write!(s, "<tr><th scope=\"row\">{}</th>", esc(g));
            for p in &periods {
                let cell = figs.iter().find(|f| f.group == *g && f.period == *p);
                match cell {
                    Some(f) if f.suppressed => {
                        any_suppressed = true;
                        let _ = write!(
                            s,
                            "<td class=\"val suppressed\"><abbr title=\"{}\">:</abbr><span class=\"visually-hidden\"> {}</span></td>",
                            tr(en, "prikket", "suppressed"),
                            tr(en, "prikket", "suppressed")
                        );
                    }
                    Some(f) => {
                        let ci = match (f.ci_low, f.ci_high) {
                            (Some(l), Some(h)) => format!(
                                "<span class=\"ci\">{}–{}</span>",
                                esc(&crate::output::number(Some(l), unit, lang)),
                                esc(&crate::output::number(Some(h), unit, lang))
                            ),
                            _ => String::new(),
                        };
                        let _ = write!(
                            s,
                            "<td class=\"val\">{}{ci}</td>",
                            esc(&shown(Some(f), unit, lang))
                        );
                    }
                    None => s.push_str("<td class=\"val\">–</td>"),
                }
            }
            if regional {
                let st = e
                    .regional
                    .iter()
                    .find(|(rg, _)| rg == g)
                    .map_or(Status::InsufficientData, |(_, a)| a.status);
                let _ = write!(s, "<td>{}</td>", badge(st, lang, ""));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table></div>\n");
    }
    if any_suppressed {
        let _ = writeln!(
            s,
            "<p class=\"note\">{}</p>",
            esc(&if en {
                format!(
                    ": = suppressed — fewer than {} units behind the figure, so the value is not shown.",
                    site.suppress_below
                )
            } else {
                format!(
                    ": = prikket — færre enn {} enheter bak tallet, så verdien vises ikke.",
                    site.suppress_below
                )
            })
        );
    }
    if e.figures
        .iter()
        .any(|f| !f.breakdown.is_empty() && f.ci_low.is_some())
    {
        let _ = writeln!(
            s,
            "<p class=\"note\">{}</p>",
            tr(
                en,
                "Små tall under verdien er 95 % konfidensintervall.",
                "Small figures below a value are its 95 % confidence interval."
            )
        );
    }
    s.push_str("</section>\n");
    s
}

fn assessment_section(e: &Entry<'_>, a: &Assessment, lang: Lang) -> String {
    let en = lang == Lang::En;
    let unit = e.indicator.unit.as_str();
    let n = |v: f64| crate::output::number(Some(v), unit, lang);
    let ratio = |v: f64| {
        let s = format!("{v:.2}");
        if en { s } else { s.replace('.', ",") }
    };
    let pct = |v: f64| crate::output::number(Some(v * 100.0), "percent", lang);
    let mut rows: Vec<(&str, String)> = Vec::new();
    if e.components.is_empty() && matches!(e.indicator.ambition, AmbitionDef::Target { .. }) {
        rows.push((
            tr(en, "Metode", "Method"),
            esc(match a.method {
                Method::Linear => tr(
                    en,
                    "lineær: faktisk endring ÷ endringen som kreves nå",
                    "linear: actual change ÷ change required by now",
                ),
                Method::Cagr => tr(
                    en,
                    "vekstrate (CAGR): observert årlig vekst ÷ påkrevd årlig vekst",
                    "growth rate (CAGR): observed annual growth ÷ required annual growth",
                ),
            }),
        ));
    }
    if let Some(bp) = &a.baseline {
        rows.push((
            tr(en, "Utgangspunkt", "Baseline"),
            esc(&format!("{}: {}", bp.period, n(bp.value))),
        ));
    }
    if let Some(c) = &a.current {
        rows.push((
            tr(en, "Nå", "Current"),
            esc(&format!(
                "{}: {}",
                c.period,
                value_with_ci(c.value, c.ci, unit, lang)
            )),
        ));
    }
    if let Some(r) = a.required_now {
        rows.push((tr(en, "Påkrevd nå", "Required now"), esc(&n(r))));
    }
    if let (Some(o), Some(r)) = (a.observed_growth, a.required_growth) {
        rows.push((
            tr(en, "Årlig vekst", "Annual growth"),
            esc(&format!(
                "{} {} {} {}",
                pct(o),
                tr(en, "observert,", "observed,"),
                pct(r),
                tr(en, "påkrevd", "required")
            )),
        ));
    }
    if let Some(p) = a.progress_ratio {
        rows.push((
            tr(en, "Framdriftsforhold", "Progress ratio"),
            esc(&format!(
                "{} ({} ≥ {}, {} ≥ {}, {} ≥ {})",
                ratio(p),
                Status::OnTrack.label(lang_code(lang)).to_lowercase(),
                ratio(a.thresholds[0]),
                tr(en, "moderat", "moderate"),
                ratio(a.thresholds[1]),
                tr(en, "begrenset", "limited"),
                ratio(a.thresholds[2])
            )),
        ));
    }
    if let Some(p) = &a.projection {
        let slope_unit = if unit == "percent" {
            "percentage-points"
        } else {
            unit
        };
        let mut text = format!(
            "{}{} {} ({} {})",
            if p.slope_per_year > 0.0 { "+" } else { "" },
            crate::output::number(Some(p.slope_per_year), slope_unit, lang),
            tr(en, "per år", "per year"),
            p.points_used,
            tr(en, "punkter", "points")
        );
        if let Some(v) = p.value_at_deadline {
            let _ = write!(
                text,
                "; {} {}",
                n(v),
                tr(en, "ved fristen", "at the deadline")
            );
        }
        match &p.reaches_target_in {
            Some(w) => {
                let _ = write!(
                    text,
                    "; {} {w}",
                    tr(en, "når målet i", "reaches the target in")
                );
            }
            None if p.value_at_deadline.is_some() => {
                let _ = write!(
                    text,
                    "; {}",
                    tr(
                        en,
                        "når ikke målet før 2100",
                        "does not reach the target by 2100"
                    )
                );
            }
            None => {}
        }
        rows.push((tr(en, "Trend", "Trend"), esc(&text)));
    }
    if a.ci_spans_categories.len() > 1 {
        rows.push((
            tr(en, "Usikkerhet", "Uncertainty"),
            esc(&format!(
                "{}: {}",
                tr(
                    en,
                    "konfidensintervallet spenner over",
                    "the confidence interval spans"
                ),
                a.ci_spans_categories
                    .iter()
                    .map(|s| s.label(lang_code(lang)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ));
    }
    rows.push((
        tr(en, "Status", "Status"),
        badge(e.status, lang, &status_extra(e, en)),
    ));
    let mut s = String::new();
    let _ = write!(
        s,
        "<section aria-labelledby=\"assess-h\">\n<h2 id=\"assess-h\">{}</h2>\n<dl class=\"facts\">\n",
        tr(en, "Vurdering", "Assessment")
    );
    for (k, v) in rows {
        let _ = writeln!(s, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    }
    s.push_str("</dl>\n");
    if !a.warnings.is_empty() {
        let _ = write!(
            s,
            "<h3>{}</h3>\n<ul class=\"warnings\" lang=\"en\">\n",
            tr(
                en,
                "Merknader til vurderingen (engelsk)",
                "Notes on the assessment"
            )
        );
        for w in &a.warnings {
            let _ = writeln!(s, "<li>{}</li>", esc(w));
        }
        s.push_str("</ul>\n");
    }
    if !a.steps.is_empty() {
        let _ = write!(
            s,
            "<h3>{}</h3>\n<ol class=\"steps\" lang=\"en\">\n",
            tr(
                en,
                "Utregning, steg for steg (engelsk)",
                "The arithmetic, step by step"
            )
        );
        for st in &a.steps {
            let _ = writeln!(s, "<li>{}</li>", esc(st));
        }
        if a.steps.last() != Some(&a.rule) {
            let _ = writeln!(s, "<li>{}</li>", esc(&format!("Rule: {}", a.rule)));
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</section>\n");
    s
}

fn definition_section(site: &Site<'_>, e: &Entry<'_>) -> String {
    let en = site.lang == Lang::En;
    let ind = e.indicator;
    let d = ind;
    let mut s = String::new();
    let _ = write!(
        s,
        "<section aria-labelledby=\"def-h\">\n<h2 id=\"def-h\">{}</h2>\n",
        tr(en, "Definisjon", "Definition")
    );
    if let Some(desc) = &d.description {
        let _ = writeln!(s, "<p>{}</p>", esc(if en { &desc.en } else { &desc.nb }));
    }
    let mut rows: Vec<(&str, String)> = vec![
        ("Id", format!("<code>{}</code>", esc(ind.id()))),
        (
            tr(en, "Mål", "Goal"),
            format!(
                "<a href=\"{}\">{}</a>",
                goal_file(&ind.goal),
                esc(&format!(
                    "{} {}",
                    goal_label(&ind.goal, en),
                    goal_name(&ind.goal, en).unwrap_or("")
                ))
            ),
        ),
        (tr(en, "Nivå", "Level"), level_text(ind.level, en).into()),
        (tr(en, "Type", "Type"), type_text(ind.kind, en).into()),
        (
            tr(en, "Modenhet", "Readiness"),
            readiness_text(ind.readiness, en).into(),
        ),
        (
            tr(en, "Enhet", "Unit"),
            esc(&unit_text(d.unit.as_str(), en)),
        ),
        (
            tr(en, "Frekvens", "Frequency"),
            frequency_text(ind.frequency, en).into(),
        ),
    ];
    let sources: Vec<String> = ind
        .source_ids()
        .iter()
        .map(|id| match site.catalogue.source(id) {
            Some(src) => format!(
                "{} ({}, <code>{}</code>)",
                esc(if en { &src.name.en } else { &src.name.nb }),
                esc(&src.publisher),
                esc(id)
            ),
            None => format!("<code>{}</code>", esc(id)),
        })
        .collect();
    rows.push((
        tr(en, "Kilde", "Source"),
        if sources.is_empty() {
            "–".into()
        } else {
            sources.join("; ")
        },
    ));
    if let Some(m) = &d.measure {
        rows.push((
            tr(en, "Måling", "Measure"),
            format!("<code>{}</code>", esc(m.measure_kind().as_str())),
        ));
    }
    let mut amb = esc(&e.ambition);
    if let AmbitionDef::None(reason) = &d.ambition {
        let _ = write!(amb, "<br><span class=\"sub\">{}</span>", esc(reason));
    }
    if let Some(note) = &d.ambition_note {
        let _ = write!(amb, "<br><span class=\"sub\">{}</span>", esc(note));
    }
    rows.push((tr(en, "Ambisjon", "Ambition"), amb));
    if !d.breakdowns.is_empty() {
        rows.push((
            tr(en, "Fordelinger", "Breakdowns"),
            esc(&d
                .breakdowns
                .iter()
                .map(|b| breakdown_title(b, en).to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")),
        ));
    }
    if let Some(r) = &d.reference {
        rows.push((tr(en, "Referanse", "Reference"), esc(r)));
    }
    s.push_str("<dl class=\"facts\">\n");
    for (k, v) in rows {
        let _ = writeln!(s, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    }
    s.push_str("</dl>\n");
    if !d.caveats.is_empty() {
        let _ = write!(
            s,
            "<h3>{}</h3>\n<ul class=\"caveats\" lang=\"nb\">\n",
            tr(en, "Forbehold", "Caveats")
        );
        for c in &d.caveats {
            let _ = writeln!(s, "<li>{}</li>", esc(c));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
    s
}

fn provenance_section(e: &Entry<'_>, en: bool) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<section aria-labelledby=\"prov-h\">\n<h2 id=\"prov-h\">{}</h2>\n",
        tr(en, "Opphav", "Provenance")
    );
    let _ = writeln!(
        s,
        "<p>{}: <code class=\"hash\">{}</code></p>",
        tr(en, "Definisjon", "Definition"),
        esc(&e.definition.map_or_else(
            || {
                format!(
                    "{} v{} sha256:{}",
                    e.indicator.path.display(),
                    e.indicator.version,
                    e.indicator.sha256
                )
            },
            str::to_string
        ))
    );
    if e.files.is_empty() {
        let _ = writeln!(
            s,
            "<p>{}</p>",
            tr(en, "Ingen datafiler ble lest.", "No data files were read.")
        );
    } else {
        let _ = write!(
            s,
            "<div class=\"table-wrap\"><table class=\"files\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n",
            tr(
                en,
                "Datafiler tallene er beregnet fra",
                "Data files the figures were computed from"
            ),
            tr(en, "Kilde", "Source"),
            tr(en, "Fil", "File")
        );
        for f in e.files {
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><th scope=\"row\"><code>{}</code></th><td><code class=\"hash\">{}</code></td></tr>",
                esc(&f.source),
                esc(&f.path.display().to_string()),
                esc(&f.sha256)
            );
        }
        s.push_str("</tbody>\n</table></div>\n");
    }
    if !e.notes.is_empty() {
        let _ = write!(
            s,
            "<h3>{}</h3>\n<ul class=\"notes\" lang=\"en\">\n",
            tr(
                en,
                "Merknader om utelatte rader (engelsk)",
                "Notes on excluded rows"
            )
        );
        for n in e.notes {
            let _ = writeln!(s, "<li>{}</li>", esc(n));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(esc("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
    }

    #[test]
    fn every_status_has_a_symbol_and_meaning() {
        for st in Status::ALL {
            assert!(!symbol(st).is_empty());
            assert!(!meaning(st, true).is_empty());
            assert!(!meaning(st, false).is_empty());
        }
    }
}
