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
