//! Words of both languages in one table: every user-facing text that has a
//! Norwegian and an English form is a [`Word`], with both forms side by side.
//! Rust code asks for `Word::X.text(lang)` (checked by the compiler);
//! templates call `t("X")`, looked up by the same name. Texts with `{0}`,
//! `{1}`… are filled by [`fill`]. To add words, add a line to the table.

/// Output language: bokmål unless the user asks for English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub(crate) enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

/// Declares [`Word`] from `Id: "bokmål", "English";` lines.
macro_rules! words {
    ($($id:ident: $nb:literal, $en:literal;)*) => {
        /// A text with a bokmål and an English form.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Word {
            $(
                #[doc = $en]
                $id,
            )*
        }

        impl Word {
            /// Every word, in table order.
            const ALL: &[Word] = &[$(Word::$id,)*];

            /// The text in `lang`.
            pub(crate) fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Word::$id, Lang::Nb) => $nb,
                        (Word::$id, Lang::En) => $en,
                    )*
                }
            }

            /// The name templates use (`t("Overview")`).
            pub(crate) fn id(self) -> &'static str {
                match self {
                    $(Word::$id => stringify!($id),)*
                }
            }
        }
    };
}

impl Word {
    /// The word a template names, if there is one.
    pub(crate) fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|w| w.id() == id)
    }
}

/// The ISO code of a language (`nb`, `en`).
pub(crate) fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

/// A text with its `{0}`, `{1}`… replaced by `args`, in one pass (an
/// argument that contains `{1}` is not filled again).
pub(crate) fn fill(lang: Lang, word: Word, args: &[&str]) -> String {
    let text = word.text(lang);
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
        if let Some((a, close)) = arg.and_then(|(i, close)| args.get(i).map(|a| (a, close))) {
            out.push_str(a);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

words! {
    // The page frame.
    NationalStrategy: "Nasjonal e-helsestrategi", "National e-health strategy";
    SkipToContent: "Hopp til innholdet", "Skip to content";
    Strategy2030: "Nasjonal e-helsestrategi 2023–2030", "National e-health strategy 2023–2030";
    IndicatorsAndProgress: "Indikatorer og framdrift mot 2030", "Indicators and progress towards 2030";
    Goals: "Mål", "Goals";
    Overview: "Oversikt", "Overview";
    Breadcrumbs: "Brødsmuler", "Breadcrumbs";
    MadeWith: "Laget med", "Made with";
    MethodNote: "Statusen følger metoden i docs/methodology.md: framdrift måles mot den rette linjen (eller jevn vekst) fra utgangspunktet til målet.", "Statuses follow docs/methodology.md: progress is measured against the straight line (or steady growth) from the baseline to the target.";
    StatusAsOf: "Status per {0}", "Status as of {0}";
    LatestFigures: "Siste tilgjengelige tall", "Latest available figures";
    GoalLabel: "Mål {0}", "Goal {0}";
    Unassigned: "Uten mål", "No goal";

    // The overview.
    OverviewTitle: "Status for indikatorene i Nasjonal e-helsestrategi", "Status of the indicators of the national e-health strategy";
    OverviewLead: "{0} indikatorer under {1} mål. {2}. Et mål får ingen samlet status av verktøyet: kortene viser målets strategiske indikatorer og veikartets delmål per status, og den samlede vurderingen settes av analytikeren (kommentarfilen til rapporten).", "{0} indicators under {1} goals. {2}. The tool gives no goal an overall status of its own: the cards show each goal's strategic indicators and roadmap sub-goals per status, and the overall judgement is the analyst's (the report's commentary file).";
    AllIndicators: "Alle indikatorer", "All indicators";
    IndicatorsPerStatus: "Indikatorer per status", "Indicators per status";
    GoalStatus: "Status for målet", "Goal status";
    IndicatorsOne: "{0} indikator", "{0} indicator";
    IndicatorsMany: "{0} indikatorer", "{0} indicators";
    StrategicOne: "{0} strategisk", "{0} strategic";
    StrategicMany: "{0} strategiske", "{0} strategic";
    WhatStatusesMean: "Hva statusene betyr", "What the statuses mean";
    MeaningAchieved: "Målet er nådd.", "The target is met.";
    MeaningOnTrack: "Framdriften er minst 95 % av det som kreves for å nå målet i tide.", "Progress is at least 95 % of what is needed to reach the target in time.";
    MeaningModerate: "60–95 % av påkrevd framdrift: det går riktig vei, men må gå raskere.", "60–95 % of the required progress: the right way, but too slowly.";
    MeaningLimited: "Under 60 % av påkrevd framdrift, eller ingen endring.", "Below 60 % of the required progress, or no change.";
    MeaningDeterioration: "Utviklingen går bort fra målet.", "Moving away from the target.";
    MeaningNoAmbition: "Indikatoren har ingen ambisjon; bare utviklingen vises.", "The indicator has no ambition; only the trend is shown.";
    MeaningInsufficientData: "For få tall til å vurdere framdriften.", "Too few figures to judge progress.";

    // A goal page.
    GoalCaption: "Indikatorene under mål {0}, {1}", "Indicators of goal {0}, {1}";
    Indicator: "Indikator", "Indicator";
    Level: "Nivå", "Level";
    Type: "Type", "Type";
    Readiness: "Modenhet", "Readiness";
    Period: "Periode", "Period";
    Value: "Verdi", "Value";
    Ambition: "Ambisjon", "Ambition";
    Status: "Status", "Status";
    Freshness: "Ferskhet", "Freshness";
    NotComputedSuffix: " (kunne ikke beregnes)", " (could not be computed)";
    CiSpansSuffix: " (KI spenner kategorier)", " (CI spans categories)";

    // Classifications.
    Strategic: "strategisk", "strategic";
    SupportShort: "støtte", "support";
    SupportLong: "støtteindikator", "support";
    Structure: "struktur", "structure";
    Process: "prosess", "process";
    Effect: "effekt", "effect";
    Ready: "klar", "ready";
    InDevelopment: "under utvikling", "in development";
    Planned: "planlagt", "planned";
    Annual: "årlig", "annual";
    Quarterly: "kvartalsvis", "quarterly";
    Monthly: "månedlig", "monthly";
    Continuous: "løpende", "continuous";
    MkCount: "antall", "count";
    MkSum: "sum", "sum";
    MkMean: "gjennomsnitt", "mean";
    MkMedian: "median", "median";
    MkRatio: "forholdstall", "ratio";
    MkShareOfUnits: "andel enheter", "share of units";
    MkSurveyShare: "andel svar", "share of answers";
    MkReported: "rapportert tall", "reported figure";
    MkComposite: "sammensatt", "composite";
    MkMilestone: "milepæl", "milestone";
    NbOnly: "{0}", "{0} (in Norwegian)";
    UnitPercent: "prosent", "percent";
    UnitCount: "antall", "count";
    UnitDays: "dager", "days";
    UnitNok: "kroner", "Norwegian kroner";
    UnitScore: "skår", "score";
    UnitStage: "trinn", "stage";
    UnitStatus: "status (milepæl)", "status (milestone)";
    NotStarted: "ikke startet", "not started";
    InProgress: "pågår", "in progress";
    AtRisk: "i fare", "at risk";
    Delayed: "forsinket", "delayed";
    Completed: "fullført", "completed";
    BdRegion: "Helseregion", "Health region";
    BdCounty: "Fylke", "County";
    BdMunicipality: "Kommune", "Municipality";
    BdAgeGroup: "Aldersgruppe", "Age group";
    BdSex: "Kjønn", "Sex";
    BdOccupation: "Yrkesgruppe", "Occupation";
    BdServiceLevel: "Tjenestenivå", "Service level";
    BdOrganisation: "Virksomhetstype", "Type of organisation";
    BdIndustry: "Næringskode", "Industry code";
    BdTechnology: "Teknologi", "Technology";
    BdApplication: "Søknadstype", "Application type";
    BdArea: "Område", "Area";
    BdCategory: "Kategori", "Category";
    BdRegister: "Register", "Register";
    BdAnswer: "Svar", "Answer";

    // An indicator page: heading and key figures.
    Number: "nr.", "no.";
    ValueWithCi: "{0} (95 % KI {1}–{2})", "{0} (95 % CI {1}–{2})";
    LatestValue: "Siste verdi", "Latest value";
    ChangeFromPrevious: "Endring fra forrige", "Change from previous";
    RequiredNow: "Påkrevd nå", "Required now";
    TrendAtDeadline: "Trend ved fristen", "Trend at the deadline";
    ReachesTarget: "når målet {0}", "reaches the target in {0}";
    DoesNotReachTarget: "når ikke målet", "does not reach the target";
    CouldNotBeComputed: "Kunne ikke beregnes", "Could not be computed";
    ProgressTowards: "Framdrift mot {0}", "Progress towards {0}";
    NoteComposite: "Sammensatt indikator: statusen er satt sammen av komponentene nedenfor, så det er ingen egen tidsserie.", "Composite indicator: its status combines the components below, so there is no series of its own.";
    NoteMilestone: "Milepælsindikator: statusen er en tekst per periode (tabellen nedenfor), så det er ingen kurve.", "Milestone indicator: the status is a text per period (table below), so there is no curve.";
    NotePlanned: "Indikatoren er planlagt; det finnes ingen tall ennå.", "The indicator is planned; there are no figures yet.";
    NoteNoFigures: "Ingen tall å vise for perioden.", "No figures to show for the period.";
    Components: "Komponenter", "Components";

    // Series and breakdowns.
    FiguresPerPeriod: "Tall per periode", "Figures per period";
    National: "hele landet", "national";
    ByMonth: "per måned", "by month";
    ByQuarter: "per kvartal", "by quarter";
    Year: "År", "Year";
    Jan: "jan", "Jan";
    Feb: "feb", "Feb";
    Mar: "mar", "Mar";
    Apr: "apr", "Apr";
    May: "mai", "May";
    Jun: "jun", "Jun";
    Jul: "jul", "Jul";
    Aug: "aug", "Aug";
    Sep: "sep", "Sep";
    Oct: "okt", "Oct";
    Nov: "nov", "Nov";
    Dec: "des", "Dec";
    ConfidenceInterval: "95 % konfidensintervall", "95 % confidence interval";
    BaseN: "Grunnlag (n)", "Base (n)";
    Breakdowns: "Fordelinger", "Breakdowns";
    ByBreakdown: "etter {0}", "by {0}";
    StatusAgainstTarget: "Status mot målet", "Status against the target";
    Suppressed: "prikket", "suppressed";
    SuppressedNote: ": = prikket — færre enn {0} enheter bak tallet, så verdien vises ikke.", ": = suppressed — fewer than {0} units behind the figure, so the value is not shown.";
    CiNote: "Små tall under verdien er 95 % konfidensintervall.", "Small figures below a value are its 95 % confidence interval.";

    // The assessment.
    Assessment: "Vurdering", "Assessment";
    Method: "Metode", "Method";
    MethodLinear: "lineær: faktisk endring ÷ endringen som kreves nå", "linear: actual change ÷ change required by now";
    MethodCagr: "vekstrate (CAGR): observert årlig vekst ÷ påkrevd årlig vekst", "growth rate (CAGR): observed annual growth ÷ required annual growth";
    Baseline: "Utgangspunkt", "Baseline";
    Current: "Nå", "Current";
    AnnualGrowth: "Årlig vekst", "Annual growth";
    GrowthObservedRequired: "{0} observert, {1} påkrevd", "{0} observed, {1} required";
    ProgressRatio: "Framdriftsforhold", "Progress ratio";
    Moderate: "moderat", "moderate";
    Limited: "begrenset", "limited";
    Trend: "Trend", "Trend";
    TrendSlope: "{0} per år ({1} punkter)", "{0} per year ({1} points)";
    AtDeadline: "; {0} ved fristen", "; {0} at the deadline";
    ReachesTargetIn: "; når målet i {0}", "; reaches the target in {0}";
    NotBy2100: "; når ikke målet før 2100", "; does not reach the target by 2100";
    Uncertainty: "Usikkerhet", "Uncertainty";
    CiSpans: "konfidensintervallet spenner over: {0}", "the confidence interval spans: {0}";
    NotesOnAssessment: "Merknader til vurderingen (engelsk)", "Notes on the assessment";
    Arithmetic: "Utregning, steg for steg (engelsk)", "The arithmetic, step by step";

    // Definition and provenance.
    Definition: "Definisjon", "Definition";
    Goal: "Mål", "Goal";
    Unit: "Enhet", "Unit";
    Frequency: "Frekvens", "Frequency";
    Source: "Kilde", "Source";
    Measure: "Måling", "Measure";
    Reference: "Referanse", "Reference";
    Caveats: "Forbehold", "Caveats";
    CaveatOne: "Forbehold", "Caveat";
    Description: "Beskrivelse", "Description";
    PopulationVariant: "Befolkningsvektet variant", "Population-weighted variant";
    PopulationVariantOf: "Befolkningsvektet variant av", "Population-weighted variant of";
    VersionSha: "versjon {0}, sha256 {1}", "version {0}, sha256 {1}";
    Publisher: "Utgiver", "Publisher";
    Files: "Filer", "Files";
    Snapshot: "Øyeblikksbilde", "Snapshot";
    AsOf: "per {0}", "as of {0}";
    Enrich: "Oppslag", "Lookup";
    EnrichFrom: "{0} fra {1}, der {2} = {3}", "{0} from {1}, where {2} = {3}";
    Columns: "Kolonner", "Columns";
    Provenance: "Opphav", "Provenance";
    NoDataFiles: "Ingen datafiler ble lest.", "No data files were read.";
    DataFiles: "Datafiler tallene er beregnet fra", "Data files the figures were computed from";
    File: "Fil", "File";
    NotesExcluded: "Merknader om utelatte rader (engelsk)", "Notes on excluded rows";

    // The chart.
    Millions: "millioner", "millions";
    Thousands: "tusen", "thousands";
    AxisPercent: "Prosent (%)", "Percent (%)";
    AxisCount: "Antall", "Count";
    AxisDays: "Dager", "Days";
    AxisNok: "Kroner (NOK)", "Norwegian kroner (NOK)";
    AxisScore: "Skår", "Score";
    AxisStage: "Trinn", "Stage";
    TimeQuarter: "kvartal", "quarter";
    TimeMonth: "måned", "month";
    TimeDay: "dag", "day";
    YearValuesPer: "År (verdier per {0})", "Year (values per {0})";
    TargetLabel: "Mål {0}: {1}", "Target {0}: {1}";
    TargetBy: "Mål: {0} {1} innen {2}", "Target: {0} {1} by {2}";
    MeasuredValue: "Målt verdi ({0})", "Measured value ({0})";
    SolidWithPoints: "heltrukket linje med punkter", "solid line with points";
    SolidLatestPoint: "heltrukket linje; punkt på siste verdi", "solid line; point on the latest value";
    CiErrorBar: "95 % konfidensintervall (feilstolpe)", "95 % confidence interval (error bar)";
    RequiredPath: "Påkrevd bane fra utgangspunktet ({0}) til målet (stiplet)", "Required path from the baseline ({0}) to the target (dashed)";
    RequiredCurve: "Påkrevd bane fra utgangspunktet ({0}) til målet med jevn prosentvis endring (stiplet)", "Required path from the baseline ({0}) to the target at a constant growth rate (dashed)";
    OpenCircle: "; den åpne sirkelen er nivået som kreves nå", "; the open circle is the level required now";
    TrendProjected: "Trend (minste kvadraters metode), framskrevet til fristen (prikket)", "Trend (least squares), projected to the deadline (dotted)";
    TrendOnly: "Trend (minste kvadraters metode) (prikket)", "Trend (least squares) (dotted)";
    Diamond: "ruter", "diamond";
    OneValue: "Én verdi: {0} i {1}{2}.", "One value: {0} in {1}{2}.";
    LineChart: "Linjediagram med {0} verdier fra {1} til {2}: {3} i {1}, {4} i {2}{5}.", "Line chart of {0} values from {1} to {2}: {3} in {1}, {4} in {2}{5}.";
    LevelRequiredNow: " Påkrevd nivå nå: {0}.", " Level required now: {0}.";
    TrendGives: " Trenden gir ved fristen: {0}.", " Trend at the deadline: {0}.";

    // Statuses (every renderer).
    StatusAchieved: "Nådd", "Achieved";
    StatusOnTrack: "I rute", "On track";
    StatusModerate: "Moderat framdrift", "Moderate progress";
    StatusLimited: "Begrenset framdrift", "Limited progress";
    StatusDeterioration: "Forverring", "Deterioration";
    StatusNoAmbition: "Ingen ambisjon", "No ambition";
    StatusInsufficientData: "For lite data", "Insufficient data";

    // Short texts of the terminal table and the report (`output::text`).
    AmbitionNone: "ingen", "none";
    AmbitionNoneBecause: "ingen ({0})", "none ({0})";
    By: "innen", "by";
    Failed: "FEIL", "FAILED";
    Composite: "sammensatt", "composite";
    NoData: "ingen data", "no data";
    StaleMonths: "utdatert ({0} mnd)", "stale ({0} mo)";
    Fresh: "fersk", "fresh";
    InDevelopmentSuffix: ", under arbeid", ", in development";
    ProjectedTargetIn: "{0} (mål nås {1})", "{0} (target in {1})";
    TrendPerYear: "trend {0}/år", "trend {0}/yr";

    // Terminal tables (`compute`, `status`, `list`).
    CompactNote: "Smalt vindu: noen kolonner er utelatt; `ehelse show ID` og `ehelse explain ID` viser resten.", "Narrow window: some columns are left out; `ehelse show ID` and `ehelse explain ID` show the rest.";
    LevelType: "Nivå/type", "Level/type";
    Previous: "Forrige", "Previous";
    Change: "Endring", "Change";
    Progress: "Framdrift", "Status";
    RequiredNowShort: "Krav nå", "Required now";
    Projected: "Projeksjon", "Projected";
    Data: "Data", "Data";
    Id: "Id", "Id";
    Name: "Navn", "Name";

    // `validate` and `sources`.
    ValidateSummary: "{0} indikator(er) og {1} kilde(r) sjekket: {2} feil, {3} advarsel(er)", "{0} indicator(s), {1} source(s) checked: {2} error(s), {3} warning(s)";
    SourceHeader: "Kilde", "Source";
    FilesHeader: "Filer", "Files";
    RowsHeader: "Rader", "Rows";
    ColumnsHeader: "Kolonner", "Columns";
    PeriodsHeader: "Perioder", "Periods";
    SymbolsHeader: "Symboler", "Symbols";
    ProblemsHeader: "Problemer", "Problems";
    DecimalMark: "desimaltegn", "decimal";
    SevError: "feil", "error";
    SevWarning: "advarsel", "warning";
    ProblemLine: "{0}[{1}]: {2}: {3} — {4}, kolonne `{5}`, linje {6}", "{0}[{1}]: {2}: {3} — {4}, column `{5}`, line(s) {6}";
    SourceFailed: "feil: {0}: {1}", "error: {0}: {1}";

    // What a figure left out (`output::text::quality_notes`).
    DataNotes: "Merknader om dataene", "Notes on the data";
    RowsExcludedKeys: "rader utelatt fordi en nøkkel (periode, enhet, organisasjonsnummer) mangler eller ikke kan leses: {0}", "rows left out because a key (period, unit, organisation number) is missing or cannot be read: {0}";
    CellsUnreadable: "celler som ikke kan leses og regnes som manglende: {0}", "cells that cannot be read and count as missing: {0}";
    KeysUnmatched: "nøkler uten treff i oppslagskilden eller kodetabellen: {0}", "keys without a match in the looked-up source or code table: {0}";
    CellsIn: "{0}: {1} i kolonnen «{2}» (forventet {3})", "{0}: {1} in column “{2}” (expected {3})";
    PeriodsIncomplete: "ufullstendige perioder utelatt: {0}", "incomplete periods left out: {0}";
    FlaggedImplausible: "usannsynlige verdier flagget: {0}", "implausible values flagged: {0}";

    // A goal's summary (`output::goal_summary`).
    GoalStrategicCounts: "Strategiske indikatorer: {0}", "Strategic indicators: {0}";
    GoalMilestoneCounts: "Veikart-delmål: {0}", "Roadmap sub-goals: {0}";
    GoalOverallAnalyst: "Samlet status for målet (analytikerens vurdering): {0}", "Overall status of the goal (the analyst's judgement): {0}";
    GoalOverallNotSet: "Samlet status for målet: ikke satt (settes av analytikeren i rapportens kommentarfil)", "Overall status of the goal: not set (the analyst sets it in the report's commentary file)";
    NotReported: "ikke rapportert", "not reported";
    StrategicIndicators: "Strategiske indikatorer", "Strategic indicators";
    RoadmapSubGoals: "Veikart-delmål", "Roadmap sub-goals";
    NotSet: "ikke satt", "not set";
    ExampleMark: "eksempel, ikke i seedene", "example, not in the seeds";
    OverallSetByAnalyst: "Samlet status per mål settes av analytikeren (rapportens kommentarfil); verktøyet regner den ikke ut.", "The overall status of a goal is set by the analyst (the report's commentary file); the tool does not compute one.";

    // Result goals and their indicators (`output::coverage`).
    CoverageHeading: "Resultatmål for mål {0}: {1} av {2} har minst én indikator ({3})", "Result goals of goal {0}: {1} of {2} have at least one indicator ({3})";
    NoIndicatorYet: "ingen indikator ennå", "no indicator yet";

    // The Markdown report.
    ReportTitle: "Statusrapport, Nasjonal e-helsestrategi", "Status report, Nasjonal e-helsestrategi";
    OverallStatus: "Overordnet status", "Overall status";
    ProgressColumn: "Framdrift", "Progress";
    PositiveEvents: "Positive hendelser", "Positive events";
    Challenges: "Utfordringer", "Challenges";
    StrategicQuestions: "Strategiske spørsmål", "Strategic questions";
    // `inequality`: spreads between groups (seed 001).
    InequalityTitle: "Ulikhet mellom grupper (seed 001): {0}", "Inequality between groups (seed 001): {0}";
    BreakdownHeader: "Inndeling", "Breakdown";
    GroupsHeader: "Grupper", "Groups";
    Highest: "Høyest", "Highest";
    Lowest: "Lavest", "Lowest";
    Gap: "Forskjell", "Gap";
    PopulationOutside: "Bor i kommuner uten", "Live in municipalities without";
    NoSpreadCount: "antall: grupper av ulik størrelse sammenlignes ikke", "a count: groups of different size are not compared";
    NoSpreadNoGroups: "ingen inndeling etter region, fylke eller respondentgruppe", "no breakdown by region, county or respondent group";
    NoSpreadNoFigure: "ingen tall i perioden", "no figure in the period";
    WithheldCells: "{0} skjult", "{0} withheld";
    InequalityWithout: "{0} indikatorer uten inndeling etter helseregion, fylke eller respondentgruppe og uten befolkningsvektet variant er ikke vist (se CSV eller JSON).", "{0} indicators without a breakdown by health region, county or respondent group and without a population-weighted variant are not shown (see CSV or JSON).";
    InequalityNoteGap: "Forskjell = høyeste minus laveste gruppe; for spørreundersøkelser med et tilnærmet 95 %-intervall (docs/methodology.md, avsnitt 15). Intervallet tar ikke hensyn til at gruppene er valgt som ytterpunkter.", "Gap = highest minus lowest group; for surveys with an approximate 95 % interval (docs/methodology.md, section 15). The interval does not allow for the groups being chosen as the extremes.";
    InequalityNoteOutside: "«Bor i kommuner uten»: andelen av befolkningen som bor i kommuner som ikke oppfyller betingelsen, 100 minus den befolkningsvektede varianten ({0}).", "\"Live in municipalities without\": the share of the population living in municipalities that do not meet the condition, 100 minus the population-weighted variant ({0}).";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        for w in Word::ALL {
            assert_eq!(Word::from_id(w.id()), Some(*w));
        }
    }

    #[test]
    fn fills_in_one_pass() {
        assert_eq!(
            fill(Lang::En, Word::GoalCaption, &["{1}", "x"]),
            "Indicators of goal {1}, x"
        );
        assert_eq!(fill(Lang::Nb, Word::GoalLabel, &["2"]), "Mål 2");
    }
}
