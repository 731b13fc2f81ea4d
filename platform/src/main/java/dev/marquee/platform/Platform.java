package dev.marquee.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The control plane: accounts, videos, uploads, transcoding, pages. Started by the app module. */
@SpringBootApplication
public class Platform {
}
