//! Table tests of the temporal tagger: text, reference date, expected mentions and values.

use chrono::NaiveDate;
use itinera::time::{TimexType, tag};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid test date")
}

/// Tags `text` against `reference` and compares the (mention, value) pairs with `expect`.
fn check(text: &str, reference: Option<&str>, expect: &[(&str, &str)]) {
    let found = tag(text, reference.map(date));
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|t| (t.mention.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(got, expect, "in {text:?} (reference {reference:?})");
    for t in &found {
        assert_eq!(&text[t.span.start..t.span.end], t.mention);
    }
}

const REF: Option<&str> = Some("2023-09-14"); // a Thursday

#[test]
fn absolute_dates_in_every_common_news_form() {
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "It began on September 12, 2023.",
            &[("September 12, 2023", "2023-09-12")],
        ),
        (
            "It began on 12 Sept 2023.",
            &[("12 Sept 2023", "2023-09-12")],
        ),
        (
            "It began on Sept. 12, 2023.",
            &[("Sept. 12, 2023", "2023-09-12")],
        ),
        ("It began on Sept. 12.", &[("Sept. 12", "2023-09-12")]),
        ("It began on 12 Sept.", &[("12 Sept", "2023-09-12")]),
        ("It began on 2023-09-12.", &[("2023-09-12", "2023-09-12")]),
        ("It began on 12.09.2023.", &[("12.09.2023", "2023-09-12")]),
        (
            "It began on 9/13 at dawn.",
            &[("9/13", "2023-09-13"), ("dawn", "2023-09-13TMO")],
        ),
        ("It began on 13/9.", &[("13/9", "2023-09-13")]),
        ("Filed 11/02/89.", &[("11/02/89", "1989-11-02")]),
        (
            "It began on the 12th of September.",
            &[("12th of September", "2023-09-12")],
        ),
        (
            "It began on September 12th.",
            &[("September 12th", "2023-09-12")],
        ),
        ("Dated 19980303.", &[("19980303", "1998-03-03")]),
        (
            "On Tuesday, December 3, 1991, they met.",
            &[("Tuesday, December 3, 1991", "1991-12-03")],
        ),
        ("He was born in March 1990.", &[("March 1990", "1990-03")]),
        ("He left in 2022.", &[("2022", "2022")]),
        ("It cost $1999.", &[]),
        ("Prices rose 24/7.", &[]),
        ("They met on 5/6.", &[]),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
}

#[test]
fn year_less_dates_take_the_nearest_plausible_year() {
    check(
        "Talks ended on December 20.",
        Some("2024-01-05"),
        &[("December 20", "2023-12-20")],
    );
    check(
        "Talks resume on January 10.",
        Some("2023-12-20"),
        &[("January 10", "2024-01-10")],
    );
    check(
        "They met on Sept. 30.",
        Some("1989-11-02"),
        &[("Sept. 30", "1989-09-30")],
    );
    check(
        "The deal closes Dec. 15.",
        Some("1989-11-02"),
        &[("Dec. 15", "1989-12-15")],
    );
    check(
        "Sales fell in January.",
        Some("1998-02-10"),
        &[("January", "1998-01")],
    );
    check(
        "Sales fell in December.",
        Some("1998-01-20"),
        &[("December", "1997-12")],
    );
    // a year-less day after a dated departure, in a story written within the year: the
    // year that puts it between the two
    check(
        "The crew left on 22 June 2020. The ship arrived in Port Sudan on March 1.",
        Some("2021-03-19"),
        &[("22 June 2020", "2020-06-22"), ("March 1", "2021-03-01")],
    );
    // a narrative years before the day of writing keeps its own year
    check(
        "The crew left on 22 June 1995. The ship arrived in Port Sudan on March 1.",
        Some("2021-03-19"),
        &[("22 June 1995", "1995-06-22"), ("March 1", "1995-03-01")],
    );
    // an anniversary story's year-less months and days are the year it names
    check(
        "On this day in 1964 the Beatles began their tour. They had played on TV in February.\n\n\
         Aug. 19, Cow Palace, San Francisco",
        Some("2009-08-19"),
        &[
            ("1964", "1964"),
            ("February", "1964-02"),
            ("Aug. 19", "1964-08-19"),
        ],
    );
    // the part of a day the text names, of that day
    check(
        "Kon-Tiki left Callao on the afternoon of April 28, 1947.",
        None,
        &[("the afternoon of April 28, 1947", "1947-04-28TAF")],
    );
    // a name that ends in a year is no time; a season or a month before a year is
    check("Camel trekkers arrived at Expo 2020 Dubai.", None, &[]);
    check(
        "Between 1990 and 1995 he lived in Rome.",
        None,
        &[("1990", "1990"), ("1995", "1995")],
    );
    check(
        "The rally was moved to Summer 2021, after January 2021.",
        None,
        &[("Summer 2021", "2021-SU"), ("January 2021", "2021-01")],
    );
    // with no year to place it in, the part of the day goes into the value
    check(
        "It began early on September 12.",
        None,
        &[("September 12", "XXXX-09-12TMO")],
    );
    // with no reference, a weekday after a full date is the next such day of the story
    check(
        "Eta made landfall on Tuesday, November 3, 2020, and faded on Wednesday.",
        None,
        &[
            ("Tuesday, November 3, 2020", "2020-11-03"),
            ("Wednesday", "2020-11-04"),
        ],
    );
    check(
        "Wednesday 13 September 2023. He crossed into Russia on Tuesday.",
        None,
        &[
            ("Wednesday 13 September 2023", "2023-09-13"),
            ("Tuesday", "2023-09-12"),
        ],
    );
    check(
        "They arrived after dark on September 12.",
        None,
        &[("after dark on September 12", "XXXX-09-12TNI")],
    );
    // a text that tells of its own past gives year-less dates its own years; a story of
    // today that mentions an old year keeps the nearest year
    check(
        "The expedition was planned in 1959. In the spring of 1961 it sailed from Hobart, \
         and on 4 March it reached Macquarie Island.",
        Some("2026-12-07"),
        &[
            ("1959", "1959"),
            ("the spring of 1961", "1961-SP"),
            ("4 March", "1961-03-04"),
        ],
    );
    // two years named as one span (a season, a race, a fiscal year): a day in the first half
    // of a year belongs to the second; later in the year, to the first
    check(
        "The 2023-24 Ocean Globe Race left Punta del Este on March 5.",
        None,
        &[("2023", "2023"), ("March 5", "2024-03-05")],
    );
    check(
        "Planned since 1909, in the 1911–12 season the party left the hut on November 1 \
         and reached the Pole on January 17.",
        Some("2026-12-07"),
        &[
            ("1909", "1909"),
            ("1911", "1911"),
            ("November 1", "1911-11-01"),
            ("January 17", "1912-01-17"),
        ],
    );
    check(
        "The company, founded in 1985, said on March 3 that profits rose.",
        Some("1998-03-10"),
        &[("1985", "1985"), ("March 3", "1998-03-03")],
    );
    check(
        "It began on September 12.",
        None,
        &[("September 12", "XXXX-09-12")],
    );
    // with no reference, a full date earlier in the story gives the year
    check(
        "They left on May 8, 1919. On May 15 they flew on.",
        None,
        &[("May 8, 1919", "1919-05-08"), ("May 15", "1919-05-15")],
    );
}

#[test]
fn ambiguous_month_names_need_a_frame() {
    check("You may leave.", REF, &[]);
    check("They march on.", REF, &[]);
    check("May said so.", REF, &[]);
    check("It happened in May.", REF, &[("May", "2023-05")]);
    check("It happened on May 3.", REF, &[("May 3", "2023-05-03")]);
    check("April Jones spoke.", REF, &[]);
}

#[test]
fn weekdays_look_back_unless_the_verb_is_future() {
    check(
        "The army attacked on Tuesday.",
        REF,
        &[("Tuesday", "2023-09-12")],
    );
    check(
        "The army attacked Thursday.",
        REF,
        &[("Thursday", "2023-09-14")],
    );
    check(
        "He will fly to Kyiv on Tuesday.",
        REF,
        &[("Tuesday", "2023-09-19")],
    );
    check(
        "She is to arrive on Monday.",
        REF,
        &[("Monday", "2023-09-18")],
    );
    // a weekday of the week before or after the reference's (weeks begin on Monday)
    check(
        "Surveillance of his home stopped on Sunday last week.",
        Some("2020-01-05"),
        &[("Sunday last week", "2019-12-29")],
    );
    check(
        "She flies to Kyiv on Monday next week.",
        REF,
        &[("Monday next week", "2023-09-18")],
    );
    check(
        "They met on Friday last week and again on Tuesday this week.",
        REF,
        &[
            ("Friday last week", "2023-09-08"),
            ("Tuesday this week", "2023-09-12"),
        ],
    );
    // a clock time takes the day after "on", which keeps its own span
    check(
        "It took off at 4:05 p.m. on Sunday.",
        REF,
        &[("4:05 p.m.", "2023-09-10T16:05"), ("Sunday", "2023-09-10")],
    );
    // a month after a past tense is behind, however near the next one is
    check(
        "She had been kidnapped in March near Menaka.",
        Some("2025-11-22"),
        &[("March", "2025-03")],
    );
    check(
        "The vote is in March.",
        Some("2025-11-22"),
        &[("March", "2026-03")],
    );
    // a journey told in the present, and a plan reported in the past, are still ahead
    check(
        "The minister flies to Rome on Saturday.",
        REF,
        &[("Saturday", "2023-09-16")],
    );
    check(
        "Forecasters said the storm was expected to make landfall on Saturday.",
        REF,
        &[("Saturday", "2023-09-16")],
    );
    check(
        "The storm had been expected to make landfall on Tuesday.",
        REF,
        &[("Tuesday", "2023-09-12")],
    );
    check(
        "Doyle said the crew would load the boat and drive to Kyogle on Friday.",
        REF,
        &[("Friday", "2023-09-15")],
    );
    // the day a report was made stays behind, whatever it says is to come
    check(
        "The union said Friday it would investigate.",
        REF,
        &[("Friday", "2023-09-08")],
    );
    // the cue stands far back in the clause, past a place and its description
    check(
        "She is expected to travel on to Constanta, on the Black Sea coast, on Monday.",
        REF,
        &[("Monday", "2023-09-18")],
    );
    check(
        "He plans to leave on Saturday.",
        REF,
        &[("Saturday", "2023-09-16")],
    );
    check(
        "They left last Friday.",
        REF,
        &[("last Friday", "2023-09-08")],
    );
    check(
        "They leave next Friday.",
        REF,
        &[("next Friday", "2023-09-15")],
    );
    check(
        "They attacked on Tuesday.",
        None,
        &[("Tuesday", "XXXX-WXX-2")],
    );
    check("Tuesday's vote passed.", REF, &[("Tuesday", "2023-09-12")]);
}

#[test]
fn relative_expressions_count_from_the_reference() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("He left yesterday.", &[("yesterday", "2023-09-13")]),
        ("He leaves today.", &[("today", "2023-09-14")]),
        ("He leaves tomorrow.", &[("tomorrow", "2023-09-15")]),
        ("He left last week.", &[("last week", "2023-W36")]),
        ("He leaves next week.", &[("next week", "2023-W38")]),
        ("He arrived this week.", &[("this week", "2023-W37")]),
        (
            "He arrived earlier this month.",
            &[("earlier this month", "2023-09")],
        ),
        ("He arrived last month.", &[("last month", "2023-08")]),
        ("It grew this year.", &[("this year", "2023")]),
        ("It grew last year.", &[("last year", "2022")]),
        ("It will grow next year.", &[("next year", "2024")]),
        (
            "It will grow early next year.",
            &[("early next year", "2024")],
        ),
        ("It fell late last year.", &[("late last year", "2022")]),
        ("He came two weeks ago.", &[("two weeks ago", "2023-W35")]),
        ("He came 10 days ago.", &[("10 days ago", "2023-09-04")]),
        ("He came a year ago.", &[("a year ago", "2022")]),
        (
            "He came five months ago.",
            &[("five months ago", "2023-04")],
        ),
        (
            "He came several years ago.",
            &[("several years ago", "PAST_REF")],
        ),
        (
            "He came nearly two weeks ago.",
            &[("nearly two weeks ago", "2023-W35")],
        ),
        ("They met last weekend.", &[("last weekend", "2023-W36-WE")]),
        (
            "They met at the weekend.",
            &[("the weekend", "2023-W36-WE")],
        ),
        ("It was cooler last summer.", &[("last summer", "2023-SU")]),
        (
            "It will be cooler next summer.",
            &[("next summer", "2024-SU")],
        ),
        ("Snow fell last winter.", &[("last winter", "2022-WI")]),
        ("They met last June.", &[("last June", "2023-06")]),
        ("They meet next March.", &[("next March", "2024-03")]),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
}

#[test]
fn narrative_times_count_from_the_last_day_mentioned() {
    check(
        "They left Kyiv on September 2, 2023. Two days later they reached Lviv.",
        REF,
        &[
            ("September 2, 2023", "2023-09-02"),
            ("Two days later", "2023-09-04"),
        ],
    );
    check(
        "They left on March 3, 2020. The next day they crossed the border.",
        REF,
        &[
            ("March 3, 2020", "2020-03-03"),
            ("The next day", "2020-03-04"),
        ],
    );
    check(
        "They left on March 3, 2020. That night they slept.",
        REF,
        &[
            ("March 3, 2020", "2020-03-03"),
            ("That night", "2020-03-03TNI"),
        ],
    );
    check(
        "They left on 3 March 2020, and a week later they returned.",
        None,
        &[("3 March 2020", "2020-03-03"), ("a week later", "2020-W11")],
    );
    check(
        "They left on 3 March 2020 and moved after dark.",
        None,
        &[
            ("3 March 2020", "2020-03-03"),
            ("after dark", "2020-03-03TNI"),
        ],
    );
    check(
        "Two days later they arrived.",
        None,
        &[("Two days later", "XXXX-XX-XX")],
    );
    // a part of the day after or before the narrative's day
    check(
        "She set out on June 4. The next morning she sailed on.",
        Some("2025-06-14"),
        &[
            ("June 4", "2025-06-04"),
            ("The next morning", "2025-06-05TMO"),
        ],
    );
    check(
        "They landed on 3 March 2020; the following evening they left, and the previous night had been calm.",
        None,
        &[
            ("3 March 2020", "2020-03-03"),
            ("the following evening", "2020-03-04TEV"),
            ("the previous night", "2020-03-03TNI"),
        ],
    );
}

#[test]
fn a_bare_day_of_the_month_is_in_the_narrative_month() {
    check(
        "She left on Oct. 3. She reached San Luis on the 7th and rested on the 8th.",
        REF,
        &[
            ("Oct. 3", "2023-10-03"),
            ("the 7th", "2023-10-07"),
            ("the 8th", "2023-10-08"),
        ],
    );
    // an ordinal that counts something is no day
    check(
        "The 7th Fleet sailed on the 9th of May.",
        REF,
        &[("9th of May", "2023-05-09")],
    );
}

#[test]
fn years_later_count_from_the_year_a_story_of_long_ago_is_in() {
    check(
        "The band formed in 2009 and moved to Santiago two years later.",
        REF,
        &[("2009", "2009"), ("two years later", "2011")],
    );
    // a year-on-year comparison in this year's news counts from the reference
    check(
        "It lost money a year ago. Sales rose from a year earlier.",
        Some("1989-10-26"),
        &[("a year ago", "1988"), ("a year earlier", "1988")],
    );
}

#[test]
fn parts_of_day_and_clock_times() {
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "It struck early Tuesday.",
            &[("early Tuesday", "2023-09-12")],
        ),
        ("It struck late on Tuesday.", &[("Tuesday", "2023-09-12")]),
        (
            "It struck Tuesday night.",
            &[("Tuesday night", "2023-09-12TNI")],
        ),
        (
            "It struck this morning.",
            &[("this morning", "2023-09-14TMO")],
        ),
        ("It struck last night.", &[("last night", "2023-09-13TNI")]),
        ("It will strike tonight.", &[("tonight", "2023-09-14TNI")]),
        ("It struck overnight.", &[("overnight", "2023-09-13TNI")]),
        (
            "They took the overnight ferry on October 2.",
            &[("October 2", "2023-10-02")],
        ),
        // a schedule told in the present looks ahead, however far back its verb stands
        (
            "The riders face a stage on Friday.",
            &[("Friday", "2023-09-15")],
        ),
        ("The race ends on Sunday.", &[("Sunday", "2023-09-17")]),
        (
            "The riders face a short but steep stage from one town to another, climbing \
             into the high valleys of the north, before a stage on Saturday.",
            &[("Saturday", "2023-09-16")],
        ),
        (
            "It struck yesterday afternoon.",
            &[("yesterday afternoon", "2023-09-13TAF")],
        ),
        (
            "It struck at 9:37pm local time.",
            &[("9:37pm local time", "2023-09-14T21:37")],
        ),
        (
            "It struck at 1:10 PM local time.",
            &[("1:10 PM local time", "2023-09-14T13:10")],
        ),
        (
            "It struck at 13:10 GMT.",
            &[("13:10 GMT", "2023-09-14T13:10")],
        ),
        (
            "It struck at 10 p.m. Wednesday.",
            &[("10 p.m. Wednesday", "2023-09-13T22:00")],
        ),
        (
            "It struck around 7:15 a.m.",
            &[("around 7:15 a.m.", "2023-09-14T07:15")],
        ),
        (
            "It struck at noon Thursday.",
            &[("noon Thursday", "2023-09-14T12:00")],
        ),
        (
            "Filed 06/26/1998 07:07:00.",
            &[("06/26/1998 07:07:00", "1998-06-26T07:07:00")],
        ),
        ("The score was 3:2 in the end.", &[]),
        (
            "It struck in mid-afternoon yesterday.",
            &[("mid-afternoon yesterday", "2023-09-13TAF")],
        ),
        (
            "The offer was due to expire Friday evening.",
            &[("Friday evening", "2023-09-08TEV")],
        ),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
}

#[test]
fn early_on_a_day_narrows_its_bounds_to_the_morning() {
    let t = tag("It began early on September 12.", Some(date("2023-09-14")));
    assert_eq!(t[0].value, "2023-09-12");
    let latest = t[0].latest.unwrap();
    assert!(latest < date("2023-09-12").and_hms_opt(12, 0, 0).unwrap());
}

#[test]
fn durations_and_ages() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("He served four years.", &[("four years", "P4Y")]),
        (
            "a three-month-old counteroffensive",
            &[("three-month-old", "P3M")],
        ),
        ("a 45-year-old man", &[("45-year-old", "P45Y")]),
        ("a 24-hour truce", &[("24-hour", "PT24H")]),
        (
            "over the past three years",
            &[("the past three years", "P3Y")],
        ),
        ("for two decades", &[("two decades", "P20Y")]),
        ("for 210 years", &[("210 years", "P210Y")]),
        ("for several weeks", &[("several weeks", "PXW")]),
        ("for the past year", &[("the past year", "P1Y")]),
        ("for twenty-five days", &[("twenty-five days", "P25D")]),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
    let t = tag("He served four years.", None);
    assert_eq!(t[0].kind, TimexType::Duration);
}

#[test]
fn quarters_seasons_decades_and_centuries() {
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "profit in the third quarter",
            &[("the third quarter", "2023-Q3")],
        ),
        ("third-quarter profit", &[("third-quarter", "2023-Q3")]),
        (
            "the first quarter of 1998",
            &[("the first quarter of 1998", "1998-Q1")],
        ),
        ("results for Q2 2022", &[("Q2 2022", "2022-Q2")]),
        (
            "the second half of 2021",
            &[("the second half of 2021", "2021-H2")],
        ),
        ("in the 1990s", &[("the 1990s", "199")]),
        ("in the mid-1990s", &[("the mid-1990s", "199")]),
        ("in the '90s", &[("the '90s", "199")]),
        ("in the nineties", &[("the nineties", "199")]),
        ("a 20th century democrat", &[("20th century", "19")]),
        ("the 19th century", &[("the 19th century", "18")]),
        (
            "in the summer of 2019",
            &[("the summer of 2019", "2019-SU")],
        ),
        (
            "in the winter of nineteen ninety-four",
            &[("the winter of nineteen ninety-four", "1994-WI")],
        ),
        (
            "this year's third quarter",
            &[("this year's third quarter", "2023-Q3")],
        ),
        (
            "next year's first-quarter results",
            &[("next year's first-quarter", "2024-Q1")],
        ),
        (
            "the 1988 second quarter",
            &[("the 1988 second quarter", "1988-Q2")],
        ),
        (
            "in the year two thousand",
            &[("the year two thousand", "2000")],
        ),
        (
            "in the current quarter",
            &[("the current quarter", "2023-Q3")],
        ),
        (
            "in the latest quarter",
            &[("the latest quarter", "2023-Q2")],
        ),
        ("Prices fall in spring.", &[("spring", "2023-SP")]),
        ("Prices fall.", &[]),
        ("in mid-November", &[("mid-November", "2023-11")]),
        ("by the end of 1990", &[("the end of 1990", "1990")]),
        ("fiscal 1989 results", &[("fiscal 1989", "1989")]),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
}

#[test]
fn vague_references_and_sets() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("He is now in Paris.", &[("now", "PRESENT_REF")]),
        ("He is currently in Paris.", &[("currently", "PRESENT_REF")]),
        ("He recently moved.", &[("recently", "PAST_REF")]),
        ("The former mayor spoke.", &[("former", "PAST_REF")]),
        (
            "It will end in the future.",
            &[("the future", "FUTURE_REF")],
        ),
        ("in the past", &[("the past", "PAST_REF")]),
        ("in the near future", &[("the near future", "FUTURE_REF")]),
        ("in recent years", &[("recent years", "PAST_REF")]),
        ("in the coming weeks", &[("the coming weeks", "FUTURE_REF")]),
        (
            "He flies every Tuesday.",
            &[("every Tuesday", "XXXX-WXX-2")],
        ),
        (
            "He runs every morning.",
            &[("every morning", "XXXX-XX-XXTMO")],
        ),
        ("She reports each year.", &[("each year", "P1Y")]),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
}

#[test]
fn without_a_reference_relative_values_stay_unplaced() {
    let t = tag("He left yesterday and returns next year.", None);
    assert_eq!(t[0].value, "XXXX-XX-XX");
    assert!(t[0].earliest.is_none());
    assert_eq!(t[1].value, "XXXX");
}

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() {
    let text =
        "Le 12 septembre — «Sept. 12», 2023‑09‑12, 9:37 p.m. EST on Tuesday’s march, über 3 years.";
    let t = tag(text, REF.map(date));
    for w in t.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for x in &t {
        assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
        assert_eq!(&text[x.span.start..x.span.end], x.mention);
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_sorted_disjoint_valid_spans(
            text in "([0-9]{1,4}|[-/.:,' ]|May|Sept|Tuesday|the|last|early|mid-|year|s|p\\.m\\.|GMT|ago|later|’s|é|quarter|third|nineteen|ninety-six|of|\u{a0}|\u{2009}|\u{202f}|\u{3000}|\u{2028}|\u{a0}\\.\u{a0}|\\.\u{3000}){0,24}",
            with_ref in any::<bool>(),
        ) {
            let reference = with_ref.then(|| date("2023-09-14"));
            for s in itinera::text::sentences(&text) {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            let found = tag(&text, reference);
            for w in found.windows(2) {
                prop_assert!(w[0].span.end <= w[1].span.start);
            }
            for t in &found {
                prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                prop_assert_eq!(&text[t.span.start..t.span.end], t.mention.as_str());
            }
        }
    }
}

#[test]
fn modified_months_narrow_to_whole_days() {
    let t = tag("Troops arrived in mid-August.", Some(date("2023-09-14")));
    assert_eq!(t[0].value, "2023-08");
    assert_eq!(t[0].earliest.unwrap().date(), date("2023-08-11"));
    assert_eq!(
        t[0].latest.unwrap().time(),
        chrono::NaiveTime::from_hms_opt(23, 59, 59).unwrap()
    );
}

/// A table row: text, reference date, expected (mention, value) pairs.
type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

#[test]
fn year_less_dates_follow_the_narratives_full_date_in_another_year() {
    let table: &[Row] = &[
        (
            "The expedition left Plymouth on May 8, 1919. On June 2 it reached Lisbon.",
            "2019-06-01",
            &[("May 8, 1919", "1919-05-08"), ("June 2", "1919-06-02")],
        ),
        (
            "The ship sailed on December 28, 1919. On January 3 it reached Lisbon.",
            "2019-06-01",
            &[
                ("December 28, 1919", "1919-12-28"),
                ("January 3", "1920-01-03"),
            ],
        ),
        (
            "They left on 8 May 1919 and camped at Faro on 30 April.",
            "2019-06-01",
            &[("8 May 1919", "1919-05-08"), ("30 April", "1919-04-30")],
        ),
        (
            "The games open on July 24, 2020. On August 9 they close.",
            "2019-06-01",
            &[("July 24, 2020", "2020-07-24"), ("August 9", "2020-08-09")],
        ),
        // A present sentence keeps the reference's year.
        (
            "They left on May 8, 1919. This year the walk starts on June 2.",
            "2019-06-01",
            &[
                ("May 8, 1919", "1919-05-08"),
                ("This year", "2019"),
                ("June 2", "2019-06-02"),
            ],
        ),
        // A bare background year is no narrative anchor.
        (
            "In 2014, Russia annexed Crimea. On May 8 talks resumed.",
            "2019-06-01",
            &[("2014", "2014"), ("May 8", "2019-05-08")],
        ),
        // The same year as the reference: the reference's behaviour.
        (
            "Talks began on May 8, 2019. On June 2 they failed.",
            "2019-06-10",
            &[("May 8, 2019", "2019-05-08"), ("June 2", "2019-06-02")],
        ),
        // No explicit year: the reference's behaviour.
        (
            "On June 2 it reached Lisbon.",
            "2019-06-01",
            &[("June 2", "2019-06-02")],
        ),
    ];
    for (text, reference, expect) in table {
        check(text, Some(reference), expect);
    }
}

#[test]
fn weekdays_and_relative_days_keep_the_reference_despite_a_background_date() {
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "Russia annexed Crimea on March 18, 2014. On Tuesday, Kyiv protested.",
            &[("March 18, 2014", "2014-03-18"), ("Tuesday", "2023-09-12")],
        ),
        (
            "The treaty was signed on March 18, 2014. Yesterday Kyiv protested.",
            &[
                ("March 18, 2014", "2014-03-18"),
                ("Yesterday", "2023-09-13"),
            ],
        ),
    ];
    for (text, expect) in table {
        check(text, REF, expect);
    }
}

#[test]
fn weekdays_look_for_future_cues_after_them_in_the_clause() {
    // 2023-09-11 is a Monday.
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "On Thursday the pope is scheduled to fly to Lisbon.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "On Thursday, the pope will fly to Lisbon.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "On Thursday the talks are due to resume.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "On Thursday the minister plans to visit Porto.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "On Thursday the vote is expected to pass.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "On Thursday the march is set to begin.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "On Thursday the pope was scheduled to fly to Lisbon.",
            &[("Thursday", "2023-09-07")],
        ),
        (
            "On Thursday the talks had been due to resume.",
            &[("Thursday", "2023-09-07")],
        ),
        (
            "On Thursday the minister said he will visit Porto.",
            &[("Thursday", "2023-09-07")],
        ),
        (
            "He was arrested on Thursday and will appear in court.",
            &[("Thursday", "2023-09-07")],
        ),
        // a sentence before it changes nothing
        (
            "The pope is in Rome. On Thursday he is scheduled to fly to Lisbon.",
            &[("Thursday", "2023-09-14")],
        ),
        (
            "The pope is in Rome. On Thursday he flew to Lisbon.",
            &[("Thursday", "2023-09-07")],
        ),
        // "plan" the noun
        (
            "The talks ended. The two presidents on Friday signed the plan, which calls for trade.",
            &[("Friday", "2023-09-08")],
        ),
    ];
    for (text, expect) in table {
        check(text, Some("2023-09-11"), expect);
    }
}
