/** Services that start with the bridge in one {@code releve cloud} process, such as the portal. */
package io.releve.cloud.spi;
