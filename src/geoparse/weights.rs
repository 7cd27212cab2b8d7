//! The weights of the resolver's score terms.
//!
//! [`WEIGHTS`] is what ships. `scripts/tune_resolver.py` searches for better values on
//! four fifths of the development corpora and reports the last fifth; it runs a binary
//! built with the `tune` feature, which reads overrides from `ITINERA_WEIGHTS`
//! (`name=value,name=value`) so that no rebuild is needed between trials.

/// One weight per term of the resolver's candidate score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Weights {
    /// Times the candidate's prior importance (`0..=1`).
    pub importance: f32,
    /// Times log10(population + 1) / 7, capped at 1.2.
    pub population: f32,
    /// Kind bonus of a country or continent.
    pub country: f32,
    /// Kind bonus of a first-level region.
    pub region: f32,
    /// Kind bonus of a second-level region.
    pub district: f32,
    /// Kind bonus of a national capital.
    pub capital: f32,
    /// Kind bonus of a first-level seat.
    pub seat: f32,
    /// Kind bonus of a second-level seat.
    pub seat2: f32,
    /// Kind bonus of a section of a town (GeoNames `PPLX`).
    pub section: f32,
    /// Kind bonus of a river, sea, mountain or landmark.
    pub physical: f32,
    /// For a candidate whose own name the text wrote, not an alternate name.
    pub own_name: f32,
    /// For a candidate in a country the document's clear places lie in.
    pub in_country: f32,
    /// Times that country's share of the document's clear places.
    pub country_share: f32,
    /// For a candidate in a first-level region the document names.
    pub in_region: f32,
    /// For a candidate the name's qualifier contains ("Paris, Texas").
    pub qualified: f32,
    /// For a country or region reading of a qualifier.
    pub qualifier_area: f32,
    /// For a candidate of the kind a type word asks for ("Washington state").
    pub type_word: f32,
    /// Per other chosen place within 250 km (at most three), in the second round.
    pub close: f32,
    /// How much of its neighbourhood's support a namesake of a country or region keeps.
    pub homonym_damp: f32,
    /// How much of the regions it lies in an overshadowed town keeps (see `overshadowed`).
    pub overshadowed: f32,
    /// For a candidate some other name supports at all.
    pub first_support: f32,
    /// Per other name that supports a candidate (at most four).
    pub support: f32,
    /// For a city that bears the name of the region it lies in (Da Nang).
    pub seat_of_namesake: f32,
    /// For a candidate of the kind the other members of its list are.
    pub list_kind: f32,
}

/// The weights that ship.
pub(crate) const WEIGHTS: Weights = Weights {
    importance: 1.0,
    population: 0.3,
    country: 0.6,
    region: 0.35,
    district: 0.0,
    capital: 0.3,
    seat: 0.15,
    seat2: 0.05,
    section: -0.3,
    physical: 0.1,
    own_name: 0.6,
    in_country: 0.3,
    country_share: 0.5,
    in_region: 0.6,
    // the corpora score alike from 2 to 6; 4 lets "Birmingham, Alabama" win in a story
    // about Birmingham, England
    qualified: 4.0,
    qualifier_area: 0.3,
    type_word: 1.0,
    close: 0.25,
    homonym_damp: 0.3,
    overshadowed: 0.3,
    first_support: 0.4,
    support: 0.3,
    seat_of_namesake: 0.3,
    list_kind: 0.8,
};

impl Weights {
    /// Sets the weight called `name`; false when there is none of that name.
    fn set(&mut self, name: &str, value: f32) -> bool {
        let slot = match name {
            "importance" => &mut self.importance,
            "population" => &mut self.population,
            "country" => &mut self.country,
            "region" => &mut self.region,
            "district" => &mut self.district,
            "capital" => &mut self.capital,
            "seat" => &mut self.seat,
            "seat2" => &mut self.seat2,
            "section" => &mut self.section,
            "physical" => &mut self.physical,
            "own_name" => &mut self.own_name,
            "in_country" => &mut self.in_country,
            "country_share" => &mut self.country_share,
            "in_region" => &mut self.in_region,
            "qualified" => &mut self.qualified,
            "qualifier_area" => &mut self.qualifier_area,
            "type_word" => &mut self.type_word,
            "close" => &mut self.close,
            "homonym_damp" => &mut self.homonym_damp,
            "overshadowed" => &mut self.overshadowed,
            "first_support" => &mut self.first_support,
            "support" => &mut self.support,
            "seat_of_namesake" => &mut self.seat_of_namesake,
            "list_kind" => &mut self.list_kind,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The weights with the overrides of a `name=value,name=value` list applied; names
    /// that are unknown and values that do not parse are left out.
    #[cfg_attr(
        not(any(feature = "tune", test)),
        expect(dead_code, reason = "read only by tuning builds")
    )]
    fn with_overrides(mut self, list: &str) -> Self {
        for pair in list.split(',') {
            if let Some((name, value)) = pair.split_once('=')
                && let Ok(value) = value.trim().parse::<f32>()
            {
                self.set(name.trim(), value);
            }
        }
        self
    }
}

/// The weights in force: [`WEIGHTS`], or with the `tune` feature, [`WEIGHTS`] with the
/// overrides of `ITINERA_WEIGHTS`.
pub(crate) fn weights() -> &'static Weights {
    #[cfg(feature = "tune")]
    {
        static TUNED: std::sync::OnceLock<Weights> = std::sync::OnceLock::new();
        TUNED.get_or_init(|| match std::env::var("ITINERA_WEIGHTS") {
            Ok(list) => WEIGHTS.with_overrides(&list),
            Err(_) => WEIGHTS,
        })
    }
    #[cfg(not(feature = "tune"))]
    {
        &WEIGHTS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_change_only_the_named_weights() {
        let w = WEIGHTS.with_overrides("close=1.5, list_kind=0.2,nonsense=3,qualified=x");
        assert!((w.close - 1.5).abs() < f32::EPSILON);
        assert!((w.list_kind - 0.2).abs() < f32::EPSILON);
        assert!((w.qualified - WEIGHTS.qualified).abs() < f32::EPSILON);
        assert_eq!(
            Weights {
                close: WEIGHTS.close,
                list_kind: WEIGHTS.list_kind,
                ..w
            },
            WEIGHTS
        );
    }

    #[test]
    fn every_weight_has_a_name_to_set_it_by() {
        let names = [
            "importance",
            "population",
            "country",
            "region",
            "district",
            "capital",
            "seat",
            "seat2",
            "section",
            "physical",
            "own_name",
            "in_country",
            "country_share",
            "in_region",
            "qualified",
            "qualifier_area",
            "type_word",
            "close",
            "homonym_damp",
            "overshadowed",
            "first_support",
            "support",
            "seat_of_namesake",
            "list_kind",
        ];
        let mut w = WEIGHTS;
        for name in names {
            assert!(w.set(name, -7.0), "{name}");
        }
        assert!(!w.set("missing", 1.0));
        assert!((w.importance + 7.0).abs() < f32::EPSILON);
        assert!((w.list_kind + 7.0).abs() < f32::EPSILON);
    }
}
