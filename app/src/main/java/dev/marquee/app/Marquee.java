package dev.marquee.app;

public final class Marquee {
    public static void main(String[] args) {
        System.out.println("placeholder");
    }
}
