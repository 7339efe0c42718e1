CodeSystem: GkObservationCodeCS
Id: gk-observation-code
Title: "Geboorteketen observation codes"
Description: "Lokale codes voor observaties waarvoor geen passende SNOMED CT- of LOINC-code gekozen is (local observation codes where no SNOMED CT or LOINC code was chosen)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #conception-date "Conceptiedatum" "Known date of conception; the first input of the pregnancy key (before LMP + 14 days and EDD - 266 days)."
* #feeding-type "Voedingswijze" "Actual feeding type of the child (breast milk, formula, expressed breast milk), as observed during the kraamweek."
* #planned-birth-place "Geplande bevalplaats" "Planned place of birth (home, birth centre, hospital) as agreed with the midwife."
* #jaundice "Geelzien" "Signs of neonatal jaundice observed by the kraamverzorgende on a care day."
* #maternal-recovery "Herstel moeder" "The mother's recovery on a care day (uterus, blood loss, wound, mood) as observed by the kraamverzorgende."
* #kraamzorg-hours-delivered "Geleverde kraamzorguren" "Hours of kraamzorg actually delivered during the kraamweek (compare: indicated hours, SNOMED 160631000146109)."
