// Anna's pregnancy: the maternal record, the pregnancy Observation and its members.
// LMP 2025-06-01 -> conception 2025-06-15 (LMP + 14), EDD 2026-03-08 (LMP + 280 days).
// Anna born 1992-03-14: age at conception 12146 days; pregnancy key = 12146 div 14 = 867
// (EDD - 266 days gives the same conception date).

Instance: family-jansen-zwangerschap
InstanceOf: GkMaternalRecord
Usage: #example
Title: "Zwangerschapsdossier Anna Jansen"
Description: "The maternal record of Anna's first pregnancy, held by her midwifery practice and shared with kraamzorg and JGZ."
* identifier[pregnancyKey].system = "https://fhir.geboorteketen.nl/NamingSystem/pregnancy-key"
* identifier[pregnancyKey].value = "867"
* status = #active
* type[pregnancyRecord] = $sct#364320009 "Pregnancy observable"
* patient = Reference(family-jansen-anna)
* managingOrganization = Reference(family-jansen-verloskundigenpraktijk)
* period.start = "2025-07-10"

Instance: family-jansen-pregnancy
InstanceOf: GkPregnancy
Usage: #example
Title: "Anna's pregnancy"
Description: "Anna's first pregnancy, dated by ultrasound on 17 August 2025."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#118185001 "Finding related to pregnancy"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-08-17"
* performer = Reference(family-jansen-verloskundige-rol)
* hasMember[0] = Reference(family-jansen-edd)
* hasMember[+] = Reference(family-jansen-gestational-age)
* hasMember[+] = Reference(family-jansen-gravidity)
* hasMember[+] = Reference(family-jansen-parity)
* hasMember[+] = Reference(family-jansen-lmp)

Instance: family-jansen-edd
InstanceOf: GkEdd
Usage: #example
Title: "Anna's estimated date of delivery"
Description: "A terme datum 8 March 2026 (LMP + 280 days)."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#161714006 "Estimated date of delivery"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-08-17"
* performer = Reference(family-jansen-verloskundige-rol)
* valueDateTime = "2026-03-08"

Instance: family-jansen-gestational-age
InstanceOf: GkGestationalAge
Usage: #example
Title: "Anna's gestational age at the dating scan"
Description: "11 weeks on 17 August 2025."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#57036006 "Length of gestation"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-08-17"
* performer = Reference(family-jansen-verloskundige-rol)
* valueQuantity = 11 'wk' "week"

Instance: family-jansen-gravidity
InstanceOf: GkGravidity
Usage: #example
Title: "Anna's gravidity"
Description: "Gravida 1: this is Anna's first pregnancy."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#161732006 "Gravida"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-07-10"
* performer = Reference(family-jansen-verloskundige-rol)
* valueInteger = 1

Instance: family-jansen-parity
InstanceOf: GkParity
Usage: #example
Title: "Anna's parity"
Description: "Para 0: Anna has not given birth before."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#364325004 "Parity"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-07-10"
* performer = Reference(family-jansen-verloskundige-rol)
* valueInteger = 0

Instance: family-jansen-lmp
InstanceOf: GkLmp
Usage: #example
Title: "Anna's last menstrual period"
Description: "First day of the last menstrual period: 1 June 2025."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#21840007 "Date of last menstrual period"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-07-10"
* performer = Reference(family-jansen-verloskundige-rol)
* valueDateTime = "2025-06-01"

Instance: family-jansen-intended-feeding
InstanceOf: GkIntendedFeeding
Usage: #example
Title: "Anna intends to breastfeed"
Description: "Recorded at the kraamzorg intake during pregnancy."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = $sct#169740003 "Infant feeding intention"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-10-01"
* performer = Reference(family-jansen-kraamverzorgende-rol)
* valueCodeableConcept = $sct#169643005 "Intends to breast feed"
