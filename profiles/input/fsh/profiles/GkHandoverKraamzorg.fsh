Profile: GkHandoverKraamzorg
Parent: Composition
Id: gk-handover-kraamzorg
Title: "GK Overdracht verloskundige → kraamzorg"
Description: """
The handover document Overdracht verloskundige → kraamzorg: pregnancy, planned place of birth, birth, the child, the current kraamzorg indication (gk-kraamzorg-indication) and relevant signals.
The sections and exactly which stored records go into each are declared once in the rule table
Library/overdracht (profiles/rules/overdracht.json); nothing outside it is sent (data minimisation).
Follows: domain brief §1 (handovers), 2016 handover set kraamzorg → JGZ, FHIR documents.
Not derived from nl-core: zib2020 has no handover document (Composition).
"""
* insert HandoverComposition(verloskundige-kraamzorg)
