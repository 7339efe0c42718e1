// Anna's vulnerability assessment and the gezinsplan agreed after the JGZ prenatal home visit.

Instance: family-jansen-kwetsbaarheid
InstanceOf: GkVulnerability
Usage: #example
Title: "Kwetsbaarheid Anna Jansen: categorie b"
Description: "At the intake the midwife found a limited network and debts, with enough protective factors: potentially vulnerable (b)."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* status = #final
* code = https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code#kwetsbaarheid "Kwetsbaarheid"
* subject = Reference(family-jansen-anna)
* effectiveDateTime = "2025-07-10"
* performer = Reference(family-jansen-verloskundige-rol)
* valueCodeableConcept = https://fhir.geboorteketen.nl/CodeSystem/vulnerability-category#b "Potentieel kwetsbare zwangere vrouw"
* component[0].code = https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code#risicofactor
* component[0].valueCodeableConcept = https://fhir.geboorteketen.nl/CodeSystem/vulnerability-factor#armoede-schulden "Armoede of schulden"
* component[1].code = https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code#beschermende-factor
* component[1].valueCodeableConcept = https://fhir.geboorteketen.nl/CodeSystem/vulnerability-factor#opvoedvaardigheden "Voldoende opvoedvaardigheden"

Instance: family-jansen-netwerk
InstanceOf: GkCareTeam
Usage: #example
Title: "Netwerkpartners rond de familie Jansen"
Description: "The golden triangle and what each partner is responsible for."
* status = #active
* subject = Reference(family-jansen-anna)
* participant[0].member = Reference(family-jansen-verloskundigenpraktijk)
* participant[0].role.text = "Verloskundige: zwangerschapscontroles en LIP-indicatie"
* participant[1].member = Reference(family-jansen-kraamzorg)
* participant[1].role.text = "Kraamzorg: kraamzorg op maat en signalering in de kraamweek"
* participant[2].member = Reference(family-jansen-jgz)
* participant[2].role.text = "JGZ: prenataal huisbezoek, vastleggen en evalueren van het gezinsplan"

Instance: family-jansen-doel-netwerk
InstanceOf: GkGezinsplanGoal
Usage: #example
Title: "Doel: steun van familie na de bevalling"
Description: "A goal in the family's words."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* lifecycleStatus = #active
* description.text = "Na de bevalling weten we bij wie we terechtkunnen als het even niet gaat."
* subject = Reference(family-jansen-anna)

Instance: family-jansen-gezinsplan
InstanceOf: GkGezinsplan
Usage: #example
Title: "Gezinsplan familie Jansen"
Description: "Recorded by JGZ after the prenatal home visit; evaluated at 6 weeks after the birth."
* extension[maternalRecord].valueReference = Reference(family-jansen-zwangerschap)
* extension[familyMember][0].valueReference = Reference(family-jansen-daan)
* status = #active
* intent = #plan
* category[gezinsplan] = http://snomed.info/sct#736377005 "Individual care plan"
* subject = Reference(family-jansen-anna)
* author = Reference(family-jansen-jgz)
* careTeam = Reference(family-jansen-netwerk)
* goal = Reference(family-jansen-doel-netwerk)
* activity[0].detail.code = https://fhir.geboorteketen.nl/CodeSystem/gezinsplan-activity#steun "Afgesproken steun"
* activity[0].detail.status = #in-progress
* activity[0].detail.description = "Schuldhulpverlening via het wijkteam"
* activity[1].detail.code = https://fhir.geboorteketen.nl/CodeSystem/gezinsplan-activity#evaluatie "Evaluatiemoment"
* activity[1].detail.status = #completed
* activity[1].detail.scheduledPeriod.start = "2026-04-16"
* activity[1].outcomeCodeableConcept = https://fhir.geboorteketen.nl/CodeSystem/gezinsplan-evaluation-outcome#voortzetten "Voortzetten"
* activity[1].progress.text = "Netwerk staat; schuldhulp loopt door."
