// Anna's kraamzorg indication at intake (basis package, first child, breastfeeding: 49 h over
// 8 days), then Daan's hospital stay of 3 days, recorded as a LIP factor for the re-indication.

Instance: family-jansen-indicatie-intake
InstanceOf: GkKraamzorgIndication
Usage: #example
Title: "Kraamzorgindicatie bij de intake"
Description: "Basispakket: 49 uur over 8 dagen, eerste kind met borstvoeding, geïndiceerd door de verloskundige."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* extension[package].valueCoding = $lipPackage#basis "Basispakket"
* extension[moment].valueCoding = $lipMoment#intake
* extension[careDays].valuePositiveInt = 8
* extension[component][0].extension[code].valueString = "verzorging-moeder"
* extension[component][=].extension[label].valueString = "Verzorging en controle van de moeder"
* extension[component][=].extension[hours].valueDecimal = 9
* extension[component][+].extension[code].valueString = "verzorging-kind"
* extension[component][=].extension[label].valueString = "Verzorging en controle van het kind"
* extension[component][=].extension[hours].valueDecimal = 7
* extension[component][+].extension[code].valueString = "voorlichting"
* extension[component][=].extension[label].valueString = "Voorlichting"
* extension[component][=].extension[hours].valueDecimal = 12
* extension[component][+].extension[code].valueString = "observeren"
* extension[component][=].extension[label].valueString = "Observeren, signaleren en rapporteren"
* extension[component][=].extension[hours].valueDecimal = 5
* extension[component][+].extension[code].valueString = "hygiene"
* extension[component][=].extension[label].valueString = "Waarborgen hygiëne"
* extension[component][=].extension[hours].valueDecimal = 8
* extension[component][+].extension[code].valueString = "voedingsondersteuning"
* extension[component][=].extension[label].valueString = "Ondersteuning bij de voeding"
* extension[component][=].extension[hours].valueDecimal = 8
* extension[ruleTable].valueCanonical = "https://fhir.geboorteketen.nl/Library/lip|2008.1"
* status = #active
* intent = #order
* code = $sct#160631000146109 "Kraamzorguren geïndiceerd"
* subject = Reference(family-jansen-anna)
* quantityQuantity = 49 'h' "uur"
* authoredOn = "2025-08-17"
* requester = Reference(family-jansen-verloskundige-rol)
* performer = Reference(family-jansen-kraamzorg)

Instance: family-jansen-ziekenhuisopname
InstanceOf: GkLipFactor
Usage: #example
Title: "Daan's hospital stay"
Description: "Daan was admitted for 3 calendar days (admission to discharge); 2 count for the LIP."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $lipFactor#ziekenhuisopname "Ziekenhuisopname van de moeder of het kind"
* subject = Reference(family-jansen-anna)
* effectivePeriod.start = "2026-03-05"
* effectivePeriod.end = "2026-03-07"
* valueQuantity = 3 'd' "dag"
