CodeSystem: GkObservationCodeCS
Id: gk-observation-code
Title: "Geboorteketen observation codes"
Description: "Lokale codes voor observaties waarvoor geen passende SNOMED CT- of LOINC-code gekozen is (local observation codes where no SNOMED CT or LOINC code was chosen)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #conception-date "Conceptiedatum" "Known date of conception; the first input of the pregnancy key (before LMP + 14 days and EDD - 266 days)."
* #kwetsbaarheid "Kwetsbaarheid" "Inschatting van de kwetsbaarheid (categorie a-d, Rotterdam / Erasmus MC) met risico- en beschermende factoren."
* #risicofactor "Risicofactor" "Component van de kwetsbaarheid: een gesignaleerde risicofactor."
* #beschermende-factor "Beschermende factor" "Component van de kwetsbaarheid: een aanwezige beschermende factor."
* #opleidingsniveau "Opleidingsniveau" "Opleidingsniveau van de moeder (valueCodeableConcept uit CodeSystem education-level)."
* #beheerst-nederlands "Beheerst de Nederlandse taal" "Of de moeder de Nederlandse taal beheerst (valueBoolean)."
* #gemotiveerd-voor-steun "Accepteert steun en is gemotiveerd" "Het gezin accepteert de aangeboden ondersteuning en is gemotiveerd tot verandering (valueBoolean; BabythuisZorg)."
* #planned-birth-place "Geplande bevalplaats" "Planned place of birth (home, birth centre, hospital) as agreed with the midwife."
* #jaundice "Geelzien" "Signs of neonatal jaundice observed by the kraamverzorgende on a care day."
* #maternal-recovery "Herstel moeder" "The mother's recovery on a care day (uterus, blood loss, wound, mood) as observed by the kraamverzorgende."
* #kraamzorg-hours-delivered "Geleverde kraamzorguren" "Hours of kraamzorg actually delivered during the kraamweek (compare: indicated hours, SNOMED 160631000146109)."
