Profile: GkPatient
Parent: $nlPatient
Id: gk-patient
Title: "GK Patient"
Description: """
A client in the birth-care chain: the (pregnant) woman or her child. Every partner identifies the
client by the BSN (burgerservicenummer); the BSN must be 9 digits and pass the 11-proof
(elfproef). Name, gender and birth date follow nl-core-Patient habits; the birth date is required
because the pregnancy key is the woman's age in days at conception.
Derives from nl-core-Patient: names follow nl-core-NameInformation (an official name's given names carry the iso21090-EN-qualifier BR, CL or IN), the BSN is nl-core's `bsn` identifier slice.
"""
* identifier[bsn] 0..1 MS
* identifier[bsn].value 1..1 MS
* identifier[bsn] obeys gk-bsn-1
* name 1..* MS
* name.use MS
* name.family MS
* name.given MS
* obeys gk-name-1
* gender MS
* birthDate 1..1 MS
* address MS
* telecom MS
* managingOrganization only Reference(GkOrganization)

Invariant: gk-bsn-1
Description: "BSN moet 9 cijfers zijn en voldoen aan de elfproef (BSN must be 9 digits and pass the 11-proof)"
Severity: #error
Expression: "value.matches('^[0-9]{9}$') and ((value.substring(0,1).toInteger() * 9 + value.substring(1,1).toInteger() * 8 + value.substring(2,1).toInteger() * 7 + value.substring(3,1).toInteger() * 6 + value.substring(4,1).toInteger() * 5 + value.substring(5,1).toInteger() * 4 + value.substring(6,1).toInteger() * 3 + value.substring(7,1).toInteger() * 2 - value.substring(8,1).toInteger()) mod 11 = 0)"

Invariant: gk-name-1
Description: "Ten minste één officiële naam, of een naam zonder gebruik, met achternaam (at least one official name, or one without use as zib2017 names have, with a family name)"
Severity: #error
Expression: "name.where((use.empty() or use = 'official') and family.exists()).exists()"
