# `ladrillo webhook`: respuestas de admisión y errores del servidor.

webhook-malformed = AdmissionReview mal formado: { $reason }
webhook-denied = ladrillo ha denegado este { $kind }: { $count ->
    [one] 1 hallazgo
   *[other] { $count } hallazgos
} de gravedad { $threshold } o superior
webhook-more = … y { $count } más
webhook-already-there = (ya estaba antes de esta actualización: no bloquea)
webhook-invalid-mode-label = la etiqueta { $label } del espacio de nombres tiene el valor no válido `{ $value }`: se aplica el modo enforce
webhook-cannot-load-certificate = no se puede cargar el certificado del servidor: { $reason }
webhook-cannot-listen = no se puede escuchar en { $address }: { $reason }
webhook-cannot-watch = no se pueden observar los espacios de nombres (use --no-namespace-watch para funcionar sin sus etiquetas): { $reason }
webhook-file-exists = { $path } ya existe; ladrillo nunca sobrescribe un archivo: elija otro --out
webhook-certs-written = se han escrito ca.crt, ca.key, tls.crt y tls.key en { $dir } para { $names }.
    Cree el Secret del servidor:
    kubectl -n { $namespace } create secret tls { $secret } --cert={ $dir }/tls.crt --key={ $dir }/tls.key
    Ponga la CA en la configuración del webhook (manifiestos con --no-cert-manager), como caBundle:
    base64 -w0 { $dir }/ca.crt
    Guarde ca.key fuera del clúster, o bórrela.
