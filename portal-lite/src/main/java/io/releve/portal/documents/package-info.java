/**
 * Documents kept for residents (DESIGN §6): the monthly consumption statement of a residency —
 * heating and hot water, cold water as a courtesy — made as a PDF once a month by {@link
 * io.releve.portal.documents.StatementJob}, listed and downloaded at {@code /documents}.
 */
package io.releve.portal.documents;
