Profile: GkHandoverJgzPrenataal
Parent: Composition
Id: gk-handover-jgz-prenataal
Title: "GK Verzoek prenataal huisbezoek → JGZ"
Description: """
The handover document Verzoek prenataal huisbezoek → JGZ: request for a JGZ prenatal home visit: the pregnancy, the signals that led to it and the family's consent (gk-consent, category prenataal-huisbezoek).
The sections and exactly which stored records go into each are declared once in the rule table
Library/overdracht (profiles/rules/overdracht.json); nothing outside it is sent (data minimisation).
Follows: domain brief §1 (handovers), 2016 handover set kraamzorg → JGZ, FHIR documents.
Not derived from nl-core: zib2020 has no handover document (Composition).
"""
* insert HandoverComposition(verloskundige-jgz-prenataal)
