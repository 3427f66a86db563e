// The words before a figure that give its direction already (calc/direction_words): a negative
// figure after them reads as the opposite, "faldet med -10.000 kr." as a rise.
#include <doctest/doctest.h>

#include "calc/direction_words.hpp"

using boardpack::calc::direction_before;

TEST_CASE("direction words: a verb of change and \"med\", in every form a sentence uses") {
    CHECK(direction_before("Udgiften er faldet med ") == "faldet med");
    CHECK(direction_before("Udgiften FALDT MED ") == "FALDT MED");
    // Regression (probe item 6): present, passive and other verbs of change were not known.
    CHECK(direction_before("Udgiften reduceres med ") == "reduceres med");
    CHECK(direction_before("Udgiften er sænket med ") == "sænket med");
    CHECK(direction_before("Udgiften er mindsket med ") == "mindsket med");
    CHECK(direction_before("Udgiften forventes at falde med ") == "falde med");
    CHECK(direction_before("Rammen er sat ned med ") == "ned med");
    CHECK(direction_before("Budgettet er overskredet med ") == "overskredet med");
    // Regression (a review: "overstiger budgettet med -10,3 mio. kr." read as under budget, without a word).
    CHECK(direction_before("Udgifterne overstiger budgettet med ") == "overstiger budgettet med");
    CHECK(direction_before("Rammen er underskredet med ") == "underskredet med");
    CHECK(direction_before("Resultatet er forbedret med ") == "forbedret med");
    CHECK(direction_before("Udgiften stiger med ") == "stiger med");
    // A trend word "| verbum" prints, whatever the packet's wording makes it.
    CHECK(direction_before("Huslejen er dalet med ", {"dalet"}) == "dalet med");
    CHECK(direction_before("Huslejen er dalet med ") == "");
}

TEST_CASE("direction words: a noun of change, or of a result with its sign in its name, and \"på\"") {
    CHECK(direction_before("Et fald på ") == "fald på");
    CHECK(direction_before("en besparelse på ") == "besparelse på");
    CHECK(direction_before("et mindreforbrug på ") == "mindreforbrug på");
    CHECK(direction_before("et merforbrug på ") == "merforbrug på");
    CHECK(direction_before("et underskud på ") == "underskud på");
    CHECK(direction_before("et overskud på ") == "overskud på");
    CHECK(direction_before("stigningen på ") == "stigningen på");
    // An income, an expense or a grant has its sign in its name (the calculations probe: a
    // budget entering income with a minus printed "indtægter på -123,0 mio. kr." without a word).
    CHECK(direction_before("Regionen har indtægter på ") == "indtægter på");
    CHECK(direction_before("skatteindtægterne på i alt ") == "skatteindtægterne på i alt");
    CHECK(direction_before("udgifter på ca. ") == "udgifter på ca.");
    CHECK(direction_before("et statstilskud på ") == "statstilskud på");
    // Compounds end in the noun.
    CHECK(direction_before("en lønstigning på ") == "lønstigning på");
    CHECK(direction_before("en driftsbesparelse på ") == "driftsbesparelse på");
    // ... but "udfald" and "affald" are no fall.
    CHECK(direction_before("et udfald på ") == "");
    CHECK(direction_before("affald på ") == "");
}

TEST_CASE("direction words: a few words between, and words of size before the figure") {
    CHECK(direction_before("Udgiften er faldet med ca. ") == "faldet med ca.");
    CHECK(direction_before("Udgiften er faldet med i alt ") == "faldet med i alt");
    CHECK(direction_before("Udgiften er faldet med knap ") == "faldet med knap");
    CHECK(direction_before("Udgiften er faldet med hele ") == "faldet med hele");
    CHECK(direction_before("faldet med godt og vel ") == "faldet med godt og vel");
    CHECK(direction_before("Udgiften er faldet fra 2023 til 2024 med ") == "faldet fra 2023 til 2024 med");
    CHECK(direction_before("Der er et fald i udgiften på ") == "fald i udgiften på");
    CHECK(direction_before("en besparelse i 2024 på ca. ") == "besparelse i 2024 på ca.");
    CHECK(direction_before("Udgiften er faldet (i 2024) med ") == "faldet (i 2024) med");
    // Spaces of any kind, a line end too, are spaces.
    CHECK(direction_before("Udgiften er faldet\xC2\xA0med ") == "faldet med");
    // Regression (probe39): the example's own sentence, six words between; a correction that
    // turns the fall around printed "Faldet ... har været på -58 overlæger" without a word.
    CHECK(direction_before("Faldet i den samlede periode har været på ") == "Faldet i den samlede periode har været på");
    // Bounded: six words between, three of size.
    CHECK(direction_before("faldet i løbet af de seneste fire år med ") == "");
    CHECK(direction_before("faldet med ikke mindre end i alt ") == "");
}

TEST_CASE("direction words: ordinary sentences give no direction") {
    for (const char* plain : {"Ændringen er ", "Resultatet er ", "et resultat på ", "en afvigelse på ", "en ændring på ",
                              "en forskel på ", "Budgettet for 2024 på ", "Udgiften er faldet til ",
                              "Udgiften er faldet med 5 % til ", "Udgiften er faldet med en tredjedel til ",
                              "Antallet er steget i takt med ", "Udgiften er steget sammenlignet med ",
                              "Udgiften er faldet, og resultatet er med ", "Udgiften er faldet. Resultatet blev med ",
                              "Udgiften er faldet, som vist med ", "et fald i udgifterne på afdeling ",
                              "Udgiften er faldet med i år til ", ""})
        CHECK_MESSAGE(direction_before(plain) == "", plain);
}
