Profile: GkPractitionerRole
Parent: $nlPractitionerRole
Id: gk-practitionerrole
Title: "GK PractitionerRole"
Description: """
The role a professional has at one organisation of the chain (verloskundige at a midwifery practice,
kraamverzorgende at a kraamzorg organisation, jeugdverpleegkundige at JGZ, intake-medewerker).
Derives from nl-core-HealthProfessional-PractitionerRole; `specialty` takes the AGB specialism list
from nl-core (optional, as there).
"""
* practitioner 1..1 MS
* practitioner only Reference(GkPractitioner)
* organization 1..1 MS
* organization only Reference(GkOrganization)
* code 1..* MS
* code from GkPractitionerRoleVS (required)
* telecom MS
