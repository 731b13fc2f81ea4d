/** The Spring Boot control plane; one package per feature, each with its public face on top and the rest in internal. */
package dev.marquee.platform;
