/** The residents' and managers' web portal (DESIGN §6). */
package io.releve.portal;
