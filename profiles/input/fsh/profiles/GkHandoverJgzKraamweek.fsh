Profile: GkHandoverJgzKraamweek
Parent: Composition
Id: gk-handover-jgz-kraamweek
Title: "GK Overdracht kraamzorg → JGZ"
Description: """
The handover document Overdracht kraamzorg → JGZ: after the kraamweek: feeding per care day, weight course, signals, kraamzorg hours delivered, vulnerability (gk-vulnerability) and a reference to the gezinsplan (gk-gezinsplan).
The sections and exactly which stored records go into each are declared once in the rule table
Library/overdracht (profiles/rules/overdracht.json); nothing outside it is sent (data minimisation).
Follows: domain brief §1 (handovers), 2016 handover set kraamzorg → JGZ, FHIR documents.
Not derived from nl-core: zib2020 has no handover document (Composition).
"""
* insert HandoverComposition(kraamzorg-jgz)
