/** Recorded InfoEuro rates for the tests (see dev/host/infoeuro.ts). */
export * from "../../dev/host/infoeuro";
