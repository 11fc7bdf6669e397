/**
 * The whole demo on one machine ({@code ./releve demo}): the cloud side (embedded broker, bridge
 * and portal) as a child process beside the gateway that runs the simulated building, the
 * landlord's files of that building imported into the portal, the enrolment details to try, and the
 * mails the portal writes into a folder with their links. The gateway never links against the
 * cloud's code: the cloud runs from its own jars, as in production.
 */
package io.releve.gateway.demo;
