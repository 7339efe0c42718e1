CodeSystem: LipFactorCS
Id: lip-factor
Title: "LIP-factoren (meer- en minderfactoren)"
Description: """
The twelve more-factors (meerfactoren) and five fewer-factors (minderfactoren) of the Landelijk
Indicatieprotocol kraamzorg (LIP 2008), plus the lying-in days in a birth centre that the insurer rules
deduct like hospital days. The hours each factor adds or removes are in the LIP rule table
(Library https://fhir.geboorteketen.nl/Library/lip), not here.
"""
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* ^property[0].code = #soort
* ^property[=].type = #code
* ^property[=].description = "meerfactor | minderfactor | ligdagen"
* #instabiele-gezinssituatie "Instabiele gezinssituatie" "Meerfactor van het LIP: instabiele gezinssituatie; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #zorgelijke-gezinssituatie "Zorgelijke gezinssituatie" "Meerfactor van het LIP: zorgelijke gezinssituatie; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #jonge-kinderen "Twee andere kinderen onder de 4 jaar of drie andere kinderen onder de 6 jaar" "Meerfactor van het LIP: twee andere kinderen onder de 4 jaar of drie andere kinderen onder de 6 jaar; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #communicatiebarriere "Communicatiebarrière" "Meerfactor van het LIP: communicatiebarrière; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #mantelzorg-afwezig "Mantelzorg onvoorzien niet aanwezig" "Meerfactor van het LIP: mantelzorg onvoorzien niet aanwezig; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #niet-zelfredzaam "Niet fysiek zelfredzaam" "Meerfactor van het LIP: niet fysiek zelfredzaam; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #geestelijk-onwelbevinden "Geestelijk onwelbevinden" "Meerfactor van het LIP: geestelijk onwelbevinden; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #dreigende-infectie "Dreigende infectie" "Meerfactor van het LIP: dreigende infectie; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #meerling "Meerling" "Meerfactor van het LIP: meerling; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #aangeboren-afwijking "Aangeboren afwijking" "Meerfactor van het LIP: aangeboren afwijking; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #verminderde-conditie-kind "Verminderde conditie van het kind" "Meerfactor van het LIP: verminderde conditie van het kind; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #voedingsproblemen "Problemen bij voeding bij moeder en/of kind" "Meerfactor van het LIP: problemen bij voeding bij moeder en/of kind; geeft extra uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #meerfactor
* #wil-minder-zorg "De kraamvrouw wil zelf minder zorg" "Minderfactor van het LIP: de kraamvrouw wil zelf minder zorg; geeft minder uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #minderfactor
* #inwonend "Onderdeel van een ander huishouden / inwonend" "Minderfactor van het LIP: onderdeel van een ander huishouden / inwonend; geeft minder uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #minderfactor
* #kunstvoeding "Het geven van kunstvoeding" "Minderfactor van het LIP: het geven van kunstvoeding; geeft minder uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #minderfactor
* #overleden-kind "Doodgeboren / overleden kind" "Minderfactor van het LIP: doodgeboren / overleden kind; geeft minder uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #minderfactor
* #ziekenhuisopname "Ziekenhuisopname van de moeder of het kind" "Minderfactor van het LIP: ziekenhuisopname van de moeder of het kind; geeft minder uren kraamzorg."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #minderfactor
* #ligdagen-geboortecentrum "Ligdagen in een geboortecentrum" "Kalenderdagen in een geboortecentrum (opname tot ontslag); maximaal 5 vergoed, de rest thuis (seed 003)."
  * ^property[0].code = #soort
  * ^property[=].valueCode = #ligdagen
