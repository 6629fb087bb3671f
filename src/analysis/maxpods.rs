//! VPC CNI max pods per EC2 instance type (to be implemented).
