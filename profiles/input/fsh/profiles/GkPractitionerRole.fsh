Profile: GkPractitionerRole
Parent: $nlPractitionerRole
Id: gk-practitionerrole
Title: "GK PractitionerRole"
Description: """
The role a professional has at one organisation of the chain (verloskundige at a midwifery practice,
kraamverzorgende at a kraamzorg organisation, jeugdverpleegkundige at JGZ, intake-medewerker).
Derives from nl-core-HealthProfessional-PractitionerRole; `specialty` takes the AGB specialism list
from nl-core (optional, as there). `code` is optional: the chain also has professionals outside
our roles (an echoscopist at an echo practice, MedMij IZK Echo-Casus), whose specialty says what
they do; when present, it is one of our roles.
"""
* practitioner 1..1 MS
* practitioner only Reference(GkPractitioner)
* organization 1..1 MS
* organization only Reference(GkOrganization)
* code 0..* MS
* code from GkPractitionerRoleVS (required)
* telecom MS
