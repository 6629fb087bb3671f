//! The EKS cluster model, one per cluster definition, fed by one adapter per input form
//! (eksctl, Terraform, CloudFormation, AWS JSON). To be implemented.
