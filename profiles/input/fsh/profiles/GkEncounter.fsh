Profile: GkEncounter
Parent: $nlEncounter
Id: gk-encounter
Title: "GK Encounter"
Description: """
A contact of a chain partner with the woman or her child: a visit, a home visit, the assistance at
the birth. It belongs to a pregnancy through `episodeOfCare` (the maternal record), not through the
extension. Derives from nl-core-Encounter (zib Contact): its contact class, the health professional
as participant, the reason as problem or procedure. It fixes no code, so every Encounter the server
stores meets it.
"""
* subject MS
* episodeOfCare MS
* period MS
* participant MS
* serviceProvider MS
