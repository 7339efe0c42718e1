CodeSystem: GkPractitionerRoleCS
Id: gk-practitioner-role
Title: "Geboorteketen practitioner roles"
Description: "Rollen van zorgverleners in de geboorteketen (roles of professionals in the Dutch birth-care chain)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #verloskundige "Verloskundige" "Midwife: provides pregnancy, birth and postnatal care (first or second line) and issues the kraamzorg indication."
* #kraamverzorgende "Kraamverzorgende" "Maternity care assistant: gives care to mother and child at home during the kraamweek."
* #jeugdverpleegkundige "Jeugdverpleegkundige" "Youth health care nurse (JGZ): prenatal home visit and care after the kraamweek."
* #intake-medewerker "Intake-medewerker" "Intake officer of a kraamzorg organisation: registers the client and holds the intake."
