// The Jansen kraamweek record (kraamweekdossier): what Kraamzorg De Ooievaar observed from the birth
// on 5 March 2026 to the last care day on 12 March — Daan stays exclusively breastfed.

Instance: family-jansen-daan-feeding-day-1
InstanceOf: GkFeedingType
Usage: #example
Title: "Daan breastfed on the first care day"
Description: "Exclusively breast milk on care day 1."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#289145007 "Feeding pattern of infant"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-05T14:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* component[feedingType].code = $sct#109021000146107 "Feeding type"
* component[feedingType].valueCodeableConcept = $sct#226789007 "Breast milk"

Instance: family-jansen-daan-feeding-day-8
InstanceOf: GkFeedingType
Usage: #example
Title: "Daan still breastfed on the last care day"
Description: "Exclusively breast milk on care day 8."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#289145007 "Feeding pattern of infant"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-12T10:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* component[feedingType].code = $sct#109021000146107 "Feeding type"
* component[feedingType].valueCodeableConcept = $sct#226789007 "Breast milk"

Instance: family-jansen-daan-weight-day-3
InstanceOf: GkKraamweekWeight
Usage: #example
Title: "Daan's weight on care day 3"
Description: "3290 g (4.6% below birth weight)."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* category[VSCat] = $obsCategory#vital-signs "Vital Signs"
* code = $loinc#29463-7 "Body weight"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-07T10:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* valueQuantity = 3290 'g' "g"

Instance: family-jansen-daan-temperature-day-2
InstanceOf: GkKraamweekTemperature
Usage: #example
Title: "Daan's temperature on care day 2"
Description: "36.9 °C."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* category[VSCat] = $obsCategory#vital-signs "Vital Signs"
* code = $loinc#8310-5 "Body temperature"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-06T10:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* valueQuantity = 36.9 'Cel' "°C"

Instance: family-jansen-daan-jaundice-day-4
InstanceOf: GkJaundice
Usage: #example
Title: "Slight jaundice on care day 4"
Description: "Signs of jaundice; reported to the midwife."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $gkObservationCode#jaundice "Geelzien"
* subject = Reference(family-jansen-daan)
* effectiveDateTime = "2026-03-08T10:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* valueBoolean = true

Instance: family-jansen-anna-recovery-day-2
InstanceOf: GkMaternalRecovery
Usage: #example
Title: "Anna's recovery on care day 2"
Description: "Uterus well contracted, normal blood loss."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $gkObservationCode#maternal-recovery "Herstel moeder"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2026-03-06T11:00:00+01:00"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* valueString = "Baarmoeder goed ingedaald, normaal bloedverlies, stemming goed."

Instance: family-jansen-hours-delivered
InstanceOf: GkKraamzorgHoursDelivered
Usage: #example
Title: "49 hours of kraamzorg delivered"
Description: "Basispakket with breastfeeding, delivered from 5 to 12 March."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $gkObservationCode#kraamzorg-hours-delivered "Geleverde kraamzorguren"
* subject = Reference(family-jansen-anna)
* effectivePeriod.start = "2026-03-05"
* effectivePeriod.end = "2026-03-12"
* performer = Reference(family-jansen-kraamzorg)
* valueQuantity = 49 'h' "h"

Instance: family-jansen-planned-birth-place
InstanceOf: GkPlannedBirthPlace
Usage: #example
Title: "Anna plans a home birth"
Description: "Thuisbevalling."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $gkObservationCode#planned-birth-place "Geplande bevalplaats"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-11-10"
* performer = Reference(family-jansen-verloskundige-rol)
* valueCodeableConcept.text = "thuis"
