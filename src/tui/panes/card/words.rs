//! The card's value lines as words: lifetime (P(alive), expected purchases, CLV), points
//! (balance, tier, what expires, movements) and what to offer.

/// `84% likely still a customer (91% 30 days ago, slipping away) · 1.3 purchases expected in
/// 90 days · worth 1,234.00 over 12 months`.
pub fn lifetime_words(l: &crate::service::Lifetime, currency: &str) -> String {
    let alive = if l.slipping() {
        t!(
            "card-lifetime-slipping",
            alive = percent(l.p_alive),
            before = percent(l.p_alive_before),
            days = crate::service::SLIPPING_WINDOW_DAYS
        )
    } else {
        t!("card-lifetime-alive", alive = percent(l.p_alive))
    };
    let next = t!(
        "card-lifetime-next",
        n = format!("{:.1}", l.next_purchases),
        days = crate::service::NEXT_DAYS
    );
    match l.clv {
        Some(clv) => {
            let worth = t!(
                "card-lifetime-worth",
                clv = crate::i18n::format::money(clv_money(clv), currency)
            );
            format!("{alive} · {next} · {worth}")
        }
        None => format!("{alive} · {next}"),
    }
}

/// The latest points movements a card shows.
pub const POINTS_SHOWN: usize = 3;

/// `1,205 points (worth 12.05) · silver · 120 expire within 30 days`.
pub fn points_words(p: &crate::service::PointsSummary) -> String {
    let mut words = t!(
        "card-points-line",
        balance = crate::text::thousands_signed(p.balance),
        value = p.value.to_string(),
        tier = crate::service::tier_title(p.tier.as_deref())
    );
    if p.balance < 0 {
        words.push_str(&format!(" · {}", t!("card-points-below-zero")));
    }
    if p.expiring_soon > 0 {
        words.push_str(&format!(
            " · {}",
            t!(
                "card-points-expiring",
                points = p.expiring_soon,
                days = crate::service::EXPIRING_DAYS
            )
        ));
    }
    words
}

/// `2026-12-04 redeemed -100 (gift box)`.
pub fn points_line_words(l: &crate::service::PointsLine) -> String {
    let date = crate::tui::widgets::local_time(l.at);
    let why = l
        .reason
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_else(|| format!(" {}", l.reference));
    format!("{date} {} {:+}{why}", l.movement.title(), l.points)
}

/// The most things suggested on a card.
pub const SUGGESTIONS_SHOWN: usize = 3;

/// `coffee beans (80% of espresso machine buyers) · paper filters (60% of …)`.
pub fn suggestion_words(found: &[crate::service::Suggestion]) -> String {
    found
        .iter()
        .map(|s| {
            t!(
                "card-suggest-one",
                thing = s.thing.as_str(),
                share = format!("{:.0}%", s.confidence * 100.0),
                because = s.because.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A lifetime value in whole cents.
pub fn clv_money(clv: f32) -> crate::domain::Money {
    crate::domain::Money((f64::from(clv) * 100.0).round() as i64)
}

/// `84%`.
pub fn percent(share: f32) -> String {
    format!("{:.0}%", share * 100.0)
}
